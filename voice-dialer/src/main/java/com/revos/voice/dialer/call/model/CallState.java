package com.revos.voice.dialer.call.model;

/**
 * A call attempt's state. {@code requested} is committed before the provider is called; {@code deferred} means it
 * was never dialed (outage, pause) and did not count; {@code unknown} is a request a crash left unanswered, treated
 * as dialed and never re-sent.
 */
public final class CallState {

    public static final String REQUESTED = "requested";
    public static final String INITIATED = "initiated";
    public static final String FAILED = "failed";
    public static final String DEFERRED = "deferred";
    public static final String UNKNOWN = "unknown";
    public static final String COMPLETED = "completed";

    private CallState() {
    }
}
