@NullMarked
package com.revos.voice.plumbing;

import org.jspecify.annotations.NullMarked;
