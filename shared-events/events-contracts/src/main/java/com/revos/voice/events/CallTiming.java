package com.revos.voice.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * When a call started and how long it lasted, as the provider reported it (on the wire: {@code started_at},
 * {@code duration_secs}, flat in the event). Both are absent when the provider never connected the call.
 */
public record CallTiming(@Nullable Instant startedAt, @Nullable Integer durationSecs) {

    public static final CallTiming UNKNOWN = new CallTiming(null, null);
}
