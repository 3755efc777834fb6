@NullMarked
package com.revos.voice.dialer.common.application;

import org.jspecify.annotations.NullMarked;
