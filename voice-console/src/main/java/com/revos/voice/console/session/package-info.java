@NullMarked
package com.revos.voice.console.session;

import org.jspecify.annotations.NullMarked;
