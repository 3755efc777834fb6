package com.revos.voice.optimizer.campaign.model;

import com.revos.voice.events.CallEvent.CallCompleted;
import com.revos.voice.events.CallOutcome;
import java.time.Instant;
import java.util.UUID;

/**
 * One call outcome as the window keeps it.
 *
 * @param at when the outcome was known (event time, so that replays decide exactly as the first run did)
 * @param localHour the contact's local hour of day when the call started, or -1 when unknown
 */
public record Attempt(UUID callId, Instant at, boolean failed, boolean connected, boolean qualified, int localHour) {

    public static Attempt of(CallCompleted call, Instant at) {
        var connected = call.outcome() == CallOutcome.CONNECTED;
        var hour = call.localHour() != null && call.localHour() >= 0 && call.localHour() < 24 ? call.localHour() : -1;
        return new Attempt(call.callId(), at, call.outcome() == CallOutcome.FAILED, connected,
                connected && Boolean.TRUE.equals(call.result().qualified()), hour);
    }
}
