@NullMarked
package com.revos.voice.dialer.usage.application;

import org.jspecify.annotations.NullMarked;
