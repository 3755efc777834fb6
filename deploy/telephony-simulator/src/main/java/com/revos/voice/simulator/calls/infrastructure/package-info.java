@NullMarked
package com.revos.voice.simulator.calls.infrastructure;

import org.jspecify.annotations.NullMarked;
