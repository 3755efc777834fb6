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

    /**
     * Which attempt of whose call to which number: the facts every lifecycle event ({@link CallRequested},
     * {@link CallInitiated}, {@link CallInitiationFailed}) repeats, flat on the wire ({@link JsonUnwrapped}).
     * {@code localHour} is the contact's hour of day when the attempt was requested (null in older events).
     *
     * <p>Not {@link CallCompleted.Dialed}: an outcome may be read from a payload written before the dialer owned
     * outcomes, without {@code attempt} or {@code to_number}, so {@code Dialed} has them nullable; these events were
     * always written by the dialer with both, so {@code attempt} stays an {@code int} (required in their schemas) and
     * {@code toNumber} non-null. One type for both would weaken these or refuse those old outcomes.
     */
    record Dialing(UUID callId, UUID tenantId, @Nullable UUID campaignId, @Nullable UUID contactId, int attempt,
                   String toNumber, @Nullable Integer localHour) {

        /** The shape before the contact's local hour was added (kept for readers of older events). */
        public Dialing(UUID callId, UUID tenantId, @Nullable UUID campaignId, @Nullable UUID contactId, int attempt,
                       String toNumber) {
            this(callId, tenantId, campaignId, contactId, attempt, toNumber, null);
        }
    }

    /**
     * The attempt is recorded and about to be sent. On the wire {@code dialing} is flat: the payload is the same
     * snake_case object as before it was grouped.
     */
    record CallRequested(@JsonUnwrapped Dialing dialing, UUID agentId, UUID phoneNumberId, Instant requestedAt)
            implements CallEvent {

        public CallRequested {
            Objects.requireNonNull(dialing, "dialing");
        }

        // Declared so that @JsonUnwrapped stays on the field and the constructor parameter only (see CallCompleted).
        public Dialing dialing() {
            return dialing;
        }

        @Override
        public UUID callId() {
            return dialing.callId();
        }

        @Override
        public UUID tenantId() {
            return dialing.tenantId();
        }

        @Override
        public @Nullable UUID campaignId() {
            return dialing.campaignId();
        }

        public @Nullable UUID contactId() {
            return dialing.contactId();
        }

        public int attempt() {
            return dialing.attempt();
        }

        public String toNumber() {
            return dialing.toNumber();
        }

        public @Nullable Integer localHour() {
            return dialing.localHour();
        }
    }

    /**
     * The provider has the call, by its id ({@code providerCallId}, the conversation or the carrier's SID) and, when
     * known, the carrier's {@code callSid}. {@code dialing} is flat on the wire.
     */
    record CallInitiated(@JsonUnwrapped Dialing dialing, String providerCallId, @Nullable String callSid,
                         Instant initiatedAt)
            implements CallEvent {

        public CallInitiated {
            Objects.requireNonNull(dialing, "dialing");
        }

        // Declared so that @JsonUnwrapped stays on the field and the constructor parameter only (see CallCompleted).
        public Dialing dialing() {
            return dialing;
        }

        @Override
        public UUID callId() {
            return dialing.callId();
        }

        @Override
        public UUID tenantId() {
            return dialing.tenantId();
        }

        @Override
        public @Nullable UUID campaignId() {
            return dialing.campaignId();
        }

        public @Nullable UUID contactId() {
            return dialing.contactId();
        }

        public int attempt() {
            return dialing.attempt();
        }

        public String toNumber() {
            return dialing.toNumber();
        }

        public @Nullable Integer localHour() {
            return dialing.localHour();
        }
    }

    /** No call was placed for this attempt, and why ({@code failure}); both groups are flat on the wire. */
    record CallInitiationFailed(@JsonUnwrapped Dialing dialing, @JsonUnwrapped Failure failure, Instant failedAt)
            implements CallEvent {

        public CallInitiationFailed {
            Objects.requireNonNull(dialing, "dialing");
            Objects.requireNonNull(failure, "failure");
        }

        // Declared so that @JsonUnwrapped stays on the field and the constructor parameter only (see CallCompleted).
        public Dialing dialing() {
            return dialing;
        }

        public Failure failure() {
            return failure;
        }

        @Override
        public UUID callId() {
            return dialing.callId();
        }

        @Override
        public UUID tenantId() {
            return dialing.tenantId();
        }

        @Override
        public @Nullable UUID campaignId() {
            return dialing.campaignId();
        }

        public @Nullable UUID contactId() {
            return dialing.contactId();
        }

        public int attempt() {
            return dialing.attempt();
        }

        public String toNumber() {
            return dialing.toNumber();
        }

        public @Nullable Integer localHour() {
            return dialing.localHour();
        }

        public String reason() {
            return failure.reason();
        }

        public @Nullable String providerCode() {
            return failure.providerCode();
        }

        public boolean retryable() {
            return failure.retryable();
        }

        public @Nullable Boolean attemptBurned() {
            return failure.attemptBurned();
        }

        /**
         * Why no call was placed. {@code retryable} is true when the attempt was given back to the contact (outage,
         * pause, proven not placed) and false when the provider refused this call or the account;
         * {@code attemptBurned} says whether it counted against the contact's attempts (null in older events).
         *
         * <p>A group of its own, after {@code dialing}, rather than flat components: the schema generator lists the
         * record's own properties before the unwrapped groups', and the published schema's {@code required} is
         * {@code ["attempt", "retryable"]}, in that order.
         */
        public record Failure(String reason, @Nullable String providerCode, boolean retryable,
                              @Nullable Boolean attemptBurned) {

            /** The shape before {@code attemptBurned} was added (kept for readers of older events). */
            public Failure(String reason, @Nullable String providerCode, boolean retryable) {
                this(reason, providerCode, retryable, null);
            }
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
