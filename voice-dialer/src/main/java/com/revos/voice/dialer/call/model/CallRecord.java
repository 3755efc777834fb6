package com.revos.voice.dialer.call.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One attempt as the dialer keeps it: who was called with what, where it stands, and how it ended. */
public record CallRecord(UUID id, UUID tenantId, UUID campaignId, UUID contactId, int attempt, UUID agentId,
                         UUID phoneNumberId, String fromNumber, String toNumber, CallState state,
                         String providerCallId,
                         String callSid, String providerAgentId, String outcome, Integer durationSecs,
                         Integer billableSecs, BigDecimal costUsd, BigDecimal costCredits, Boolean qualified,
                         Double qualificationScore, String terminationReason, Map<String, Object> analysis,
                         String summary, String failureReason, String notPlacedReason, String decidedBy,
                         List<String> sources, Integer localHour, Instant requestedAt, Instant sentAt,
                         Instant initiatedAt, Instant finishedAt) {

    public AttemptFacts facts() {
        return new AttemptFacts(id, tenantId, campaignId, contactId, attempt, toNumber, state, providerCallId,
                callSid, providerAgentId, localHour, sentAt);
    }
}
