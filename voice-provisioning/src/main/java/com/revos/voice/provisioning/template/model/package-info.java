@NullMarked
package com.revos.voice.provisioning.template.model;

import org.jspecify.annotations.NullMarked;
