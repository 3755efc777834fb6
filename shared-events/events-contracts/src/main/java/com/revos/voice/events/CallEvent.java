package com.revos.voice.events;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Events about call attempts, on {@link Topics#CALLS}, keyed by the campaign id (or the call id for single
 * calls) so that a campaign's outcomes stay in order. Only the dialer publishes them (design.md section 3): what a
 * provider says about a call arrives first as a {@link ProviderReport}.
 */
public sealed interface CallEvent extends VoiceEvent {

    /** Our id of the attempt. */
    UUID callId();

    /** Every call event is about one of our attempts, so it has its tenant. */
    @Override
    UUID tenantId();

    @Override
    default String partitionKey() {
        var campaignId = campaignId();
        return campaignId != null ? campaignId.toString() : subject();
    }

    /** The attempt. */
    @Override
    default String subject() {
        return callId().toString();
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
     * becomes final, and only for its own attempts: a provider report that matches none of them stays with the dialer
     * (its unmatched reports), so every outcome names our call and its tenant. On the wire the groups are flat (each
     * is {@link JsonUnwrapped}): the payload is the same snake_case object as before they were grouped.
     *
     * @param dialed     who was called, from the dialer's own records, never from what a provider echoed
     * @param providerCall the provider's call, or why the provider placed none
     * @param timing     when the call started and how long it lasted
     * @param result     the qualification and the provider's analysis
     * @param billing    what the call cost
     * @param provenance which reports decided it and which rule read them
     */
    record CallCompleted(@JsonUnwrapped Dialed dialed, @JsonUnwrapped ProviderCall providerCall,
                         @JsonUnwrapped CallTiming timing, CallOutcome outcome, @JsonUnwrapped CallResult result,
                         @JsonUnwrapped Billing billing, @JsonUnwrapped Provenance provenance)
            implements CallEvent {

        public CallCompleted {
            Objects.requireNonNull(dialed, "dialed");
            Objects.requireNonNull(providerCall, "providerCall");
            Objects.requireNonNull(timing, "timing");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(billing, "billing");
            Objects.requireNonNull(provenance, "provenance");
        }

        // The groups' accessors are declared so that @JsonUnwrapped stays on the field and the constructor parameter
        // only: on an implicit accessor too, the schema generator would count each group twice.

        public Dialed dialed() {
            return dialed;
        }

        public ProviderCall providerCall() {
            return providerCall;
        }

        public CallTiming timing() {
            return timing;
        }

        public CallResult result() {
            return result;
        }

        public Billing billing() {
            return billing;
        }

        public Provenance provenance() {
            return provenance;
        }

        @Override
        public UUID callId() {
            return dialed.callId();
        }

        @Override
        public UUID tenantId() {
            return dialed.tenantId();
        }

        @Override
        public @Nullable UUID campaignId() {
            return dialed.campaignId();
        }

        /** The hour of day in the contact's time zone when the call was sent; null when it was not known. */
        public @Nullable Integer localHour() {
            return dialed.localHour();
        }

        /**
         * Our attempt. {@code attempt} and {@code toNumber} are absent only in events written before the dialer
         * owned outcomes; {@code localHour} is the hour of day in the contact's own time zone when the call was sent.
         */
        public record Dialed(UUID callId, UUID tenantId, @Nullable UUID campaignId, @Nullable UUID contactId,
                             @Nullable Integer attempt, @Nullable String toNumber, @Nullable Integer localHour) {

            public Dialed {
                Objects.requireNonNull(callId, "an outcome names our call");
                Objects.requireNonNull(tenantId, "an outcome names its tenant");
            }
        }

        /**
         * The provider's call: its id, absent when the provider refused the request, and then
         * {@code notPlacedReason}, the provider's reason (outcome {@code failed}).
         */
        public record ProviderCall(String provider, @Nullable String providerCallId, @Nullable String notPlacedReason) {

            public ProviderCall {
                Objects.requireNonNull(provider, "provider");
            }
        }

        /**
         * What the call cost: {@code cost} in USD, the provider's credits as {@code costCredits}, named as such, and
         * the seconds billed. Absent in events written before the dialer kept the ledger.
         */
        public record Billing(@Nullable Integer billableSecs, @Nullable BigDecimal cost,
                              @Nullable BigDecimal costCredits) {
        }

        /**
         * {@code sources} names the reports that decided the outcome (or {@code voice-dialer} when none did),
         * {@code decidedBy} the rule that read them. {@code matched} is always true: the wire keeps the field from
         * the time unmatched outcomes were published, so its readers keep reading it.
         */
        public record Provenance(boolean matched, @Nullable List<String> sources, @Nullable String decidedBy) {

            public Provenance {
                if (!matched) {
                    throw new IllegalArgumentException("an outcome is of one of our attempts (matched)");
                }
            }

            public Provenance(List<String> sources, String decidedBy) {
                this(true, sources, decidedBy);
            }
        }
    }
}
