package com.revos.voice.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** The normalized outcome of one call attempt, whatever the provider said. */
public enum CallOutcome {
    CONNECTED, NO_ANSWER, BUSY, VOICEMAIL, FAILED, CANCELLED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
