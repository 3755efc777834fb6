@NullMarked
package com.revos.voice.dialer.pacing.application;

import org.jspecify.annotations.NullMarked;
