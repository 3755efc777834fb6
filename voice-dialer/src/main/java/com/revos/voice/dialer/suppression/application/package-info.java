@NullMarked
package com.revos.voice.dialer.suppression.application;

import org.jspecify.annotations.NullMarked;
