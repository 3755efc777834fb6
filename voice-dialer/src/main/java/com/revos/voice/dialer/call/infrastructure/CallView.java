package com.revos.voice.dialer.call.infrastructure;

import com.revos.voice.dialer.compliance.model.Evidence;
import com.revos.voice.dialer.call.model.CallRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A call as the API shows it: its state, its one outcome with everything that decided it (which reports, which
 * rule), cost in USD and the provider's credits apart. Never the provider's raw payloads.
 */
record CallView(UUID id, @Nullable UUID campaignId, @Nullable UUID contactId, int attempt, UUID agentId,
                UUID phoneNumberId, String toNumber, String state, @Nullable String providerCallId,
                @Nullable String callSid, @Nullable String outcome, @Nullable Integer durationSecs,
                @Nullable Integer billableSecs, @Nullable BigDecimal cost, @Nullable BigDecimal costCredits,
                @Nullable Boolean qualified, @Nullable Double qualificationScore, @Nullable String terminationReason,
                @Nullable Map<String, Object> analysis, @Nullable String summary, @Nullable String failureReason,
                @Nullable String notPlacedReason, @Nullable String decidedBy, List<String> sources,
                @Nullable Integer localHour, Instant requestedAt, @Nullable Instant sentAt,
                @Nullable Instant initiatedAt, @Nullable Instant finishedAt,
                @Nullable List<Map<String, @Nullable Object>> evidence) {

    static CallView of(CallRecord row) {
        return of(row, null);
    }

    /** With what allowed or refused each dial of the call (ADR 0011), as a single call's view shows it. */
    static CallView of(CallRecord row, @Nullable List<Evidence> evidence) {
        return new CallView(row.id(), row.campaignId(), row.contactId(), row.attempt(), row.agentId(),
                row.phoneNumberId(), row.toNumber(), row.state().wireName(), row.providerCallId(), row.callSid(),
                row.outcome(), row.durationSecs(), row.billableSecs(), row.costUsd(), row.costCredits(),
                row.qualified(), row.qualificationScore(), row.terminationReason(), row.analysis(), row.summary(),
                row.failureReason(), row.notPlacedReason(), row.decidedBy(), row.sources(), row.localHour(),
                row.requestedAt(), row.sentAt(), row.initiatedAt(), row.finishedAt(),
                evidence == null ? null : evidence.stream().map(Evidence::fields).toList());
    }
}
