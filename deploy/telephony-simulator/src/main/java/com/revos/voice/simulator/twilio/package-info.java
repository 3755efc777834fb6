@NullMarked
package com.revos.voice.simulator.twilio;

import org.jspecify.annotations.NullMarked;
