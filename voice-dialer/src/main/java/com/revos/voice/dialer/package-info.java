@NullMarked
package com.revos.voice.dialer;

import org.jspecify.annotations.NullMarked;
