@NullMarked
package com.revos.voice.webhook;

import org.jspecify.annotations.NullMarked;
