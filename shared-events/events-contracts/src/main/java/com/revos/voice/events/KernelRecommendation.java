package com.revos.voice.events;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Advice of the kernel optimizer for people, on {@link Topics#KERNEL_RECOMMENDATIONS}, keyed by campaign id. */
public sealed interface KernelRecommendation extends VoiceEvent {

    UUID recommendationId();

    @Override
    UUID campaignId();

    /** Always the tenant that owns it. */
    @Override
    UUID tenantId();

    @Override
    default String partitionKey() {
        return campaignId().toString();
    }

    @Override
    default String subject() {
        return campaignId().toString();
    }

    /**
     * Qualification rate fell below the threshold; the {@code evidence} (flat on the wire, {@link JsonUnwrapped})
     * lists calls that connected but did not qualify.
     */
    record AgentScriptChange(UUID recommendationId, UUID campaignId, UUID tenantId, UUID decisionId,
                             @JsonUnwrapped Evidence evidence, String suggestion, Instant issuedAt)
            implements KernelRecommendation {

        public AgentScriptChange {
            Objects.requireNonNull(evidence, "evidence");
        }

        // Declared so that @JsonUnwrapped stays on the field and the constructor parameter only: on an implicit
        // accessor too, the schema generator would count the group twice.
        public Evidence evidence() {
            return evidence;
        }

        public double qualificationRate() {
            return evidence.qualificationRate();
        }

        public double threshold() {
            return evidence.threshold();
        }

        public long sampleSize() {
            return evidence.sampleSize();
        }

        public List<UUID> evidenceCallIds() {
            return evidence.evidenceCallIds();
        }

        /**
         * What was measured: the campaign's qualification rate among {@code sampleSize} connected calls, the
         * threshold it fell below, and the connected calls that did not qualify.
         */
        public record Evidence(double qualificationRate, double threshold, long sampleSize,
                               List<UUID> evidenceCallIds) {
        }
    }

    record CampaignScaleUp(UUID recommendationId, UUID campaignId, UUID tenantId, UUID decisionId,
                           double efficiency, double threshold, Pacing suggestedPacing, Instant issuedAt)
            implements KernelRecommendation {
    }
}
