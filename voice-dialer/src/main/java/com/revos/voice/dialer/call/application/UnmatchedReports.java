package com.revos.voice.dialer.call.application;

import com.revos.voice.events.ProviderReport.CallReported;
import java.time.Instant;
import java.util.UUID;

/** Reports that match no attempt of ours: kept for an operator, never turned into an outcome. */
public interface UnmatchedReports {

    /** Keeps the report once (by its event id), with why it matched nothing. */
    void keep(UUID eventId, CallReported report, String reason, Instant receivedAt);
}
