package com.revos.voice.dialer.call.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One attempt as the dialer keeps it: who was called with what, where it stands, and how it ended. */
public record CallRecord(UUID id, UUID tenantId, @Nullable UUID campaignId, @Nullable UUID contactId, int attempt,
                         UUID agentId, UUID phoneNumberId, String fromNumber, String toNumber, CallState state,
                         @Nullable String providerCallId, @Nullable String callSid, @Nullable String providerAgentId,
                         @Nullable String outcome, @Nullable Integer durationSecs, @Nullable Integer billableSecs,
                         @Nullable BigDecimal costUsd, @Nullable BigDecimal costCredits, @Nullable Boolean qualified,
                         @Nullable Double qualificationScore, @Nullable String terminationReason,
                         @Nullable Map<String, Object> analysis, @Nullable String summary,
                         @Nullable String failureReason, @Nullable String notPlacedReason, @Nullable String decidedBy,
                         List<String> sources, @Nullable Integer localHour, Instant requestedAt,
                         @Nullable Instant sentAt, @Nullable Instant initiatedAt, @Nullable Instant finishedAt) {

    public AttemptFacts facts() {
        return new AttemptFacts(id, tenantId, campaignId, contactId, attempt, toNumber, state, providerCallId,
                callSid, providerAgentId, localHour, sentAt);
    }
}
