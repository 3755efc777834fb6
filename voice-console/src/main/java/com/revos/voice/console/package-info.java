@NullMarked
package com.revos.voice.console;

import org.jspecify.annotations.NullMarked;
