package com.revos.voice.dialer.call.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * A call attempt's state machine (ADR 0009). Only these transitions exist, each a conditional update of the row
 * naming the state it leaves, so that two writers (a dialer, a recovering instance, a late report) can never both
 * move one attempt:
 * <pre>
 * requested ──send gate──▶ sending ──placed──▶ initiated ──report──▶ completed
 *     │                      │  └──refused this call──▶ failed (attempt counted)
 *     │                      ├──not sent / refused the account──▶ not_placed (attempt given back)
 *     │                      └──timeout, reset, 5xx──▶ ambiguous ──found──▶ initiated
 *     └──withdrawn, or left by a dead instance──▶ not_placed      └──proven absent──▶ not_placed
 * </pre>
 * A report that proves the call happened completes it from {@code sending}, {@code ambiguous} or {@code initiated}.
 */
public enum CallState {
    /** Recorded and committed; nothing has been sent. Safe to withdraw. */
    REQUESTED,
    /** The request may be on the wire: never sent again until the provider says there is no such call. */
    SENDING,
    /** Sent, but the answer was lost (timeout, reset, 5xx): the provider is asked before anything else happens. */
    AMBIGUOUS,
    /** The provider placed the call; its report is awaited. */
    INITIATED,
    /** Final: the outcome is recorded. */
    COMPLETED,
    /** Final: the provider refused this call, or the call was given up on after it was placed. Counted. */
    FAILED,
    /** Final: no call happened; the contact's attempt was given back. */
    NOT_PLACED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CallState of(String wireName) {
        return Arrays.stream(values()).filter(state -> state.wireName().equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown call state " + wireName));
    }

    /** Occupies a line: counts against concurrency caps. */
    public boolean inFlight() {
        return this == REQUESTED || this == SENDING || this == AMBIGUOUS || this == INITIATED;
    }

    public boolean isFinal() {
        return !inFlight();
    }
}
