@NullMarked
package com.revos.voice.console.api;

import org.jspecify.annotations.NullMarked;
