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
     * A call's recording arrived (an ElevenLabs {@code post_call_audio} webhook). The audio itself never goes on
     * Kafka; the event says it exists, how big it is, its SHA-256, and under which key the configured store kept it
     * ({@code storageKey} null when the intake keeps no recordings: ElevenLabs serves them by conversation id). The
     * webhook carries none of our ids: consumers tie it to a call by {@code providerCallId}, the conversation id of
     * {@code call.initiated}.
     */
    record CallRecordingReceived(String provider, String providerCallId, String agentId, long audioBytes,
                                 String audioSha256, String storageKey, Instant receivedAt) implements CallEvent {

        @Override
        public UUID callId() {
            return null;
        }

        @Override
        public UUID tenantId() {
            return null;
        }

        @Override
        public String partitionKey() {
            return providerCallId;
        }

        @Override
        public String subject() {
            return providerCallId;
        }
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
