@NullMarked
package com.revos.voice.dialer.dispatch.infrastructure;

import org.jspecify.annotations.NullMarked;
