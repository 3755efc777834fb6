@NullMarked
package com.revos.voice.dialer.suppression.infrastructure;

import org.jspecify.annotations.NullMarked;
