@NullMarked
package com.revos.voice.simulator.elevenlabs;

import org.jspecify.annotations.NullMarked;
