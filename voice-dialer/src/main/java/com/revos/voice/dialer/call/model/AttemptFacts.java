package com.revos.voice.dialer.call.model;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What our own records say about one attempt: the only source of its tenant, campaign, contact and number. */
public record AttemptFacts(UUID callId, UUID tenantId, @Nullable UUID campaignId, @Nullable UUID contactId,
                           int attempt, String toNumber, CallState state, @Nullable String providerCallId,
                           @Nullable String callSid, @Nullable String providerAgentId, @Nullable Integer localHour,
                           @Nullable Instant sentAt) {
}
