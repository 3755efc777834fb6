@NullMarked
package com.revos.voice.dialer.directory.application;

import org.jspecify.annotations.NullMarked;
