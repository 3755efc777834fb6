package com.revos.voice.dialer.call.model;

import java.time.Instant;
import java.util.UUID;

/** What our own records say about one attempt: the only source of its tenant, campaign, contact and number. */
public record AttemptFacts(UUID callId, UUID tenantId, UUID campaignId, UUID contactId, int attempt,
                           String toNumber, CallState state, String providerCallId, String callSid,
                           String providerAgentId, Integer localHour, Instant sentAt) {
}
