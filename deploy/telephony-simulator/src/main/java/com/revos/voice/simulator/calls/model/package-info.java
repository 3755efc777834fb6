@NullMarked
package com.revos.voice.simulator.calls.model;

import org.jspecify.annotations.NullMarked;
