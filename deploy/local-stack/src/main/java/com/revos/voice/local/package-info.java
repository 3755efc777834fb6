@NullMarked
package com.revos.voice.local;

import org.jspecify.annotations.NullMarked;
