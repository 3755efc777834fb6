@NullMarked
package com.revos.voice.dialer.call.model;

import org.jspecify.annotations.NullMarked;
