@NullMarked
package com.revos.voice.local.logging;

import org.jspecify.annotations.NullMarked;
