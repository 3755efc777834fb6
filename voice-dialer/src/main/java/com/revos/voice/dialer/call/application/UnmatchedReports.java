package com.revos.voice.dialer.call.application;

import com.revos.voice.events.ProviderReport.CallReported;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reports that match no attempt of ours: kept for an operator, never turned into an outcome. */
public interface UnmatchedReports {

    /** One report to keep, with why it matched nothing. */
    record Unmatched(UUID eventId, CallReported report, String reason) {
    }

    /** Keeps the reports, each once (by its event id), with why they matched nothing. */
    void keepAll(List<Unmatched> reports, Instant receivedAt);
}
