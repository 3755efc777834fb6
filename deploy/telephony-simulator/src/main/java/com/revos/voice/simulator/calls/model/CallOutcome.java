package com.revos.voice.simulator.calls.model;

/** What happens to one simulated call; the names match the product's normalized outcomes. */
public enum CallOutcome {
    CONNECTED, VOICEMAIL, BUSY, NO_ANSWER, FAILED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Outcomes where nobody picked up. */
    public boolean neverConnected() {
        return this == BUSY || this == NO_ANSWER || this == FAILED;
    }

    /**
     * Busy and no-answer are reported as {@code call_initiation_failure}, the documented type for calls that never
     * connect. A failed call is reported as a {@code post_call_transcription} of a conversation in status
     * {@code failed} with {@code metadata.error}: that payload echoes the dynamic variables, so the product can tie
     * a failure burst to its calls at once instead of waiting for reconciliation.
     */
    public boolean reportedAsInitiationFailure() {
        return this == BUSY || this == NO_ANSWER;
    }
}
