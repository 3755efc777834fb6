@NullMarked
package com.revos.voice.dialer.pacing.infrastructure;

import org.jspecify.annotations.NullMarked;
