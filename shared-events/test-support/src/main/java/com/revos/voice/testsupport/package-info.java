@NullMarked
package com.revos.voice.testsupport;

import org.jspecify.annotations.NullMarked;
