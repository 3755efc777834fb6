@NullMarked
package com.revos.voice.dialer.pacing.model;

import org.jspecify.annotations.NullMarked;
