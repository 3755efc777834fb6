@NullMarked
package com.revos.voice.dialer.call.application;

import org.jspecify.annotations.NullMarked;
