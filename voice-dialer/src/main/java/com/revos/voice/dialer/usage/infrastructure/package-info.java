@NullMarked
package com.revos.voice.dialer.usage.infrastructure;

import org.jspecify.annotations.NullMarked;
