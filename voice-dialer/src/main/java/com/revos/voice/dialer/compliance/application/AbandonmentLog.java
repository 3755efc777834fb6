package com.revos.voice.dialer.compliance.application;

import java.time.Instant;
import java.util.UUID;

/** Live-answered calls and whether each was abandoned, per campaign. */
public interface AbandonmentLog {

    /** Once per call (a repeated outcome changes nothing). */
    void record(UUID callId, UUID tenantId, UUID campaignId, boolean abandoned, Instant answeredAt);

    /** Live-answered and abandoned calls of the campaign since {@code since}. */
    Counts since(UUID campaignId, Instant since);

    record Counts(long live, long abandoned) {
    }
}
