package com.revos.voice.optimizer.campaign.model;

import com.revos.voice.events.CallAbandonment;
import com.revos.voice.events.CallEvent.CallCompleted;
import com.revos.voice.events.CallOutcome;
import java.time.Instant;
import java.util.UUID;

/**
 * One call outcome as the window keeps it.
 *
 * @param at when the outcome was known (event time, so that replays decide exactly as the first run did)
 * @param localHour the contact's local hour of day when the call started, or -1 when unknown
 * @param abandoned a live-answered call abandoned (47 CFR 64.1200(a)(7)), as the dialer's compliance counts it
 */
public record Attempt(UUID callId, Instant at, boolean failed, boolean connected, boolean qualified, int localHour,
                      boolean abandoned) {

    public Attempt(UUID callId, Instant at, boolean failed, boolean connected, boolean qualified, int localHour) {
        this(callId, at, failed, connected, qualified, localHour, false);
    }

    /** Abandoned as the dialer's compliance counts it: {@link CallAbandonment}, the one definition. */
    public static Attempt of(CallCompleted call, Instant at) {
        var connected = call.outcome() == CallOutcome.CONNECTED;
        var hour = call.localHour() != null && call.localHour() >= 0 && call.localHour() < 24 ? call.localHour() : -1;
        return new Attempt(call.callId(), at, call.outcome() == CallOutcome.FAILED, connected,
                connected && Boolean.TRUE.equals(call.result().qualified()), hour,
                CallAbandonment.abandoned(call.outcome(), call.result().terminationReason(),
                        call.result().analysis()));
    }
}
