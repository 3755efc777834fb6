@NullMarked
package com.revos.voice.simulator.calls.application;

import org.jspecify.annotations.NullMarked;
