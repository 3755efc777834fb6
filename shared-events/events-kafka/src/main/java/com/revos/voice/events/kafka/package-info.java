@NullMarked
package com.revos.voice.events.kafka;

import org.jspecify.annotations.NullMarked;
