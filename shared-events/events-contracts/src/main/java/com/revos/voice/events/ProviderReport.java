package com.revos.voice.events;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a provider told us about a call, verified (signature) and normalized by the webhook intake, on
 * {@link Topics#PROVIDER_REPORTS}, keyed by the provider's call or conversation id. A report is evidence, not an
 * outcome: the dialer ties it to one of its attempts by its own records and publishes the call event. Nothing in a
 * report names a tenant; what the provider echoed back of our dynamic variables travels as {@code correlation}, an
 * unverified hint the dialer checks against its records before it uses it.
 */
public sealed interface ProviderReport extends VoiceEvent {

    String provider();

    /** The provider's id of the call: the ElevenLabs conversation id, or the Twilio call SID. */
    String providerCallId();

    /** Reports belong to no tenant until the dialer has matched them. */
    @Override
    default @Nullable UUID tenantId() {
        return null;
    }

    @Override
    default String partitionKey() {
        return providerCallId();
    }

    @Override
    default String subject() {
        return providerCallId();
    }

    /**
     * One report about a call. {@code kind} is the provider's word for it ({@code post_call_transcription},
     * {@code call_initiation_failure}, {@code status_callback} for a Twilio status, {@code reconciliation} when
     * the dialer read it back itself); {@code outcome} is the normalized outcome it implies, null for a progress
     * report; {@code finalReport} is whether it ends the call's story for the provider. {@code correlation} holds
     * only the echoed variables the dialer sets (call_id, campaign_id, contact_id, attempt, tenant_id), as text.
     * On the wire the groups are flat (each is {@link JsonUnwrapped}), as they were before they were grouped.
     *
     * @param timing when the call started and how long it lasted
     * @param result the qualification and the provider's analysis
     * @param charge what the provider charged
     */
    record CallReported(String provider, String kind, String providerCallId, @Nullable String callSid,
                        @Nullable String providerAgentId, @Nullable String toNumber,
                        @JsonUnwrapped CallTiming timing, @Nullable CallOutcome outcome, boolean finalReport,
                        @JsonUnwrapped CallResult result, @JsonUnwrapped Charge charge,
                        Map<String, String> correlation, Instant reportedAt)
            implements ProviderReport {

        public CallReported {
            Objects.requireNonNull(timing, "timing");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(charge, "charge");
        }

        // declared so that @JsonUnwrapped stays on the field and the constructor parameter (see CallCompleted)

        public CallTiming timing() {
            return timing;
        }

        public CallResult result() {
            return result;
        }

        public Charge charge() {
            return charge;
        }

        /** The provider's fiat cost as {@code costUsd}, its credits as {@code costCredits}; either may be absent. */
        public record Charge(@Nullable BigDecimal costUsd, @Nullable BigDecimal costCredits) {

            public static final Charge NONE = new Charge(null, null);
        }
    }

    /**
     * A call's recording arrived (an ElevenLabs {@code post_call_audio} webhook). The audio itself never goes on
     * Kafka; the report says it exists, how big it is, its SHA-256, and under which key the configured store kept it
     * ({@code storageKey} null when the intake keeps no recordings: ElevenLabs serves them by conversation id).
     */
    record RecordingReported(String provider, String providerCallId, @Nullable String agentId, long audioBytes,
                             String audioSha256, @Nullable String storageKey,
                             Instant receivedAt) implements ProviderReport {
    }
}
