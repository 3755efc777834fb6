@NullMarked
package com.revos.voice.dialer.common.model;

import org.jspecify.annotations.NullMarked;
