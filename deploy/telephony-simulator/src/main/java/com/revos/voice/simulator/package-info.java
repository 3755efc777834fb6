@NullMarked
package com.revos.voice.simulator;

import org.jspecify.annotations.NullMarked;
