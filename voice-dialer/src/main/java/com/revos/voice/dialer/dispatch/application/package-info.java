@NullMarked
package com.revos.voice.dialer.dispatch.application;

import org.jspecify.annotations.NullMarked;
