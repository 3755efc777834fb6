@NullMarked
package com.revos.voice.provisioning.template.application;

import org.jspecify.annotations.NullMarked;
