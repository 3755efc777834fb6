@NullMarked
package com.revos.voice.dialer.common.infrastructure;

import org.jspecify.annotations.NullMarked;
