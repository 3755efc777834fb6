package com.revos.voice.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Events about call attempts, on {@link Topics#CALLS}, keyed by the campaign id (or the call id for single
 * calls) so that a campaign's outcomes stay in order. Only the dialer publishes them (design.md section 3): what a
 * provider says about a call arrives first as a {@link ProviderReport}.
 */
public sealed interface CallEvent extends VoiceEvent {

    /** Our id of the attempt; null only in a {@link CallCompleted} that matched none of our attempts. */
    @Nullable UUID callId();

    @Override
    default String partitionKey() {
        var campaignId = campaignId();
        return campaignId != null ? campaignId.toString() : subject();
    }

    /** The attempt; {@link CallCompleted}, the one member that may lack a call id, says its own. */
    @Override
    default String subject() {
        return Objects.requireNonNull(callId(), "an attempt's event names its call").toString();
    }

    record CallRequested(UUID callId, UUID tenantId, @Nullable UUID campaignId, @Nullable UUID contactId, int attempt,
                         UUID agentId, UUID phoneNumberId, String toNumber, Instant requestedAt,
                         @Nullable Integer localHour)
            implements CallEvent {

        public CallRequested(UUID callId, UUID tenantId, @Nullable UUID campaignId, @Nullable UUID contactId,
                             int attempt, UUID agentId, UUID phoneNumberId, String toNumber, Instant requestedAt) {
            this(callId, tenantId, campaignId, contactId, attempt, agentId, phoneNumberId, toNumber, requestedAt, null);
        }
    }

    /** The provider has the call. {@code localHour}: the contact's hour of day, as on its {@link CallRequested}. */
    record CallInitiated(UUID callId, UUID tenantId, @Nullable UUID campaignId, @Nullable UUID contactId, int attempt,
                         String providerCallId, @Nullable String callSid, String toNumber, Instant initiatedAt,
                         @Nullable Integer localHour)
            implements CallEvent {

        /** The shape before the contact's local hour was added (kept for readers of older events). */
        public CallInitiated(UUID callId, UUID tenantId, @Nullable UUID campaignId, @Nullable UUID contactId,
                             int attempt, String providerCallId, @Nullable String callSid, String toNumber,
                             Instant initiatedAt) {
            this(callId, tenantId, campaignId, contactId, attempt, providerCallId, callSid, toNumber, initiatedAt,
                    null);
        }
    }

    /**
     * No call was placed for this attempt. {@code retryable} is true when the attempt was given back to the contact
     * (outage, pause, proven not placed) and false when the provider refused this call or the account;
     * {@code attemptBurned} says whether it counted against the contact's attempts (null in older events);
     * {@code localHour} is the contact's hour of day, as on its {@link CallRequested} (null in older events).
     */
    record CallInitiationFailed(UUID callId, UUID tenantId, @Nullable UUID campaignId, @Nullable UUID contactId,
                                int attempt, String toNumber, String reason, @Nullable String providerCode,
                                boolean retryable, Instant failedAt,
                                @Nullable Boolean attemptBurned, @Nullable Integer localHour) implements CallEvent {

        /** The shape before the contact's local hour was added (kept for readers of older events). */
        public CallInitiationFailed(UUID callId, UUID tenantId, @Nullable UUID campaignId, @Nullable UUID contactId,
                                    int attempt, String toNumber, String reason, @Nullable String providerCode,
                                    boolean retryable, Instant failedAt, @Nullable Boolean attemptBurned) {
            this(callId, tenantId, campaignId, contactId, attempt, toNumber, reason, providerCode, retryable, failedAt,
                    attemptBurned, null);
        }

        public CallInitiationFailed(UUID callId, UUID tenantId, @Nullable UUID campaignId, @Nullable UUID contactId,
                                    int attempt, String toNumber, String reason, @Nullable String providerCode,
                                    boolean retryable, Instant failedAt) {
            this(callId, tenantId, campaignId, contactId, attempt, toNumber, reason, providerCode, retryable, failedAt,
                    null, null);
        }
    }

    /**
     * The one outcome of one call attempt (design.md section 3), published by the dialer alone, once, when the attempt
     * becomes final. Tenant, campaign, contact and attempt come from the dialer's own records, never from what a
     * provider echoed. {@code cost} is in USD; the provider's credits are {@code costCredits}, named as such.
     * {@code notPlacedReason} is set when the provider refused the request and no call happened (outcome
     * {@code failed}). {@code localHour} is the hour of day in the contact's own time zone when the call was sent.
     * {@code sources} names the reports that decided it, {@code decidedBy} the rule that read them.
     */
    record CallCompleted(@Nullable UUID callId, @Nullable UUID campaignId, @Nullable UUID tenantId,
                         @Nullable UUID contactId, @Nullable Integer attempt, @Nullable String provider,
                         @Nullable String providerCallId, @Nullable String toNumber, @Nullable Instant startedAt,
                         @Nullable Integer durationSecs, CallOutcome outcome, @Nullable Boolean qualified,
                         @Nullable Double qualificationScore, @Nullable BigDecimal cost,
                         @Nullable String terminationReason, @Nullable Map<String, Object> analysis, boolean matched,
                         @Nullable Integer localHour, @Nullable List<String> sources, @Nullable Integer billableSecs,
                         @Nullable BigDecimal costCredits, @Nullable String summary, @Nullable String notPlacedReason,
                         @Nullable String decidedBy)
            implements CallEvent {

        /** The first build's shape, before the dialer owned the outcome (kept for readers of older events). */
        public CallCompleted(@Nullable UUID callId, @Nullable UUID campaignId, @Nullable UUID tenantId,
                             @Nullable UUID contactId, @Nullable Integer attempt, @Nullable String provider,
                             @Nullable String providerCallId, @Nullable String toNumber, @Nullable Instant startedAt,
                             @Nullable Integer durationSecs, CallOutcome outcome, @Nullable Boolean qualified,
                             @Nullable Double qualificationScore, @Nullable BigDecimal cost,
                             @Nullable String terminationReason, @Nullable Map<String, Object> analysis,
                             boolean matched, @Nullable Integer localHour, @Nullable List<String> sources) {
            this(callId, campaignId, tenantId, contactId, attempt, provider, providerCallId, toNumber, startedAt,
                    durationSecs, outcome, qualified, qualificationScore, cost, terminationReason, analysis, matched,
                    localHour, sources, null, null, null, null, null);
        }

        /** An outcome that matched none of our attempts (no call id, no tenant) is about the provider's call. */
        @Override
        public String subject() {
            return callId != null ? callId.toString()
                    : Objects.requireNonNull(providerCallId, "an outcome names our call or the provider's");
        }
    }
}
