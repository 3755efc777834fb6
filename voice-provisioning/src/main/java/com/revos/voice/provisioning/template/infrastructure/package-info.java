@NullMarked
package com.revos.voice.provisioning.template.infrastructure;

import org.jspecify.annotations.NullMarked;
