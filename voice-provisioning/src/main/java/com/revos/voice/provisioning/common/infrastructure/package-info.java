@NullMarked
package com.revos.voice.provisioning.common.infrastructure;

import org.jspecify.annotations.NullMarked;
