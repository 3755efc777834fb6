@NullMarked
package com.revos.voice.provisioning;

import org.jspecify.annotations.NullMarked;
