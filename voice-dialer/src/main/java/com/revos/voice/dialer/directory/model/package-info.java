@NullMarked
package com.revos.voice.dialer.directory.model;

import org.jspecify.annotations.NullMarked;
