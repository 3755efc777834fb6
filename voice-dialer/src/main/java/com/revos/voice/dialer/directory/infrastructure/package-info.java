@NullMarked
package com.revos.voice.dialer.directory.infrastructure;

import org.jspecify.annotations.NullMarked;
