package com.revos.voice.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Events about call attempts, on {@link Topics#CALLS}, keyed by the campaign id (or the call id for single
 * calls) so that a campaign's outcomes stay in order.
 */
public sealed interface CallEvent extends VoiceEvent {

    UUID callId();

    @Override
    default String partitionKey() {
        return campaignId() != null ? campaignId().toString() : callId().toString();
    }

    @Override
    default String subject() {
        return callId().toString();
    }

    record CallRequested(UUID callId, UUID tenantId, UUID campaignId, UUID contactId, int attempt, UUID agentId,
                         UUID phoneNumberId, String toNumber, Instant requestedAt) implements CallEvent {
    }

    record CallInitiated(UUID callId, UUID tenantId, UUID campaignId, UUID contactId, int attempt,
                         String providerCallId, String callSid, String toNumber, Instant initiatedAt)
            implements CallEvent {
    }

    /** The provider refused or could not place the call; {@code retryable} is false for 4xx-style refusals. */
    record CallInitiationFailed(UUID callId, UUID tenantId, UUID campaignId, UUID contactId, int attempt,
                                String toNumber, String reason, String providerCode, boolean retryable,
                                Instant failedAt) implements CallEvent {
    }

    /**
     * The normalized call outcome (design.md section 3). {@code matched} is false when the webhook carried none of
     * our correlation ids (a call not placed by us); the ids are then null.
     * {@code localHour} is the hour of day in the contact's own time zone when the call started, for retiming.
     */
    record CallCompleted(UUID callId, UUID campaignId, UUID tenantId, UUID contactId, Integer attempt,
                         String provider, String providerCallId, String toNumber, Instant startedAt,
                         Integer durationSecs, CallOutcome outcome, Boolean qualified, Double qualificationScore,
                         BigDecimal cost, String terminationReason, Map<String, Object> analysis,
                         boolean matched, Integer localHour, List<String> sources) implements CallEvent {

        @Override
        public String partitionKey() {
            if (campaignId != null) {
                return campaignId.toString();
            }
            return callId != null ? callId.toString() : providerCallId;
        }

        @Override
        public String subject() {
            return callId != null ? callId.toString() : providerCallId;
        }
    }
}
