@NullMarked
package com.revos.voice.dialer.call.infrastructure;

import org.jspecify.annotations.NullMarked;
