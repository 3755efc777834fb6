package com.revos.voice.events;

import java.time.Instant;
import java.util.List;
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

    /** Qualification rate fell below the threshold; the evidence lists calls that connected but did not qualify. */
    record AgentScriptChange(UUID recommendationId, UUID campaignId, UUID tenantId, UUID decisionId,
                             double qualificationRate, double threshold, long sampleSize,
                             List<UUID> evidenceCallIds, String suggestion, Instant issuedAt)
            implements KernelRecommendation {
    }

    record CampaignScaleUp(UUID recommendationId, UUID campaignId, UUID tenantId, UUID decisionId,
                           double efficiency, double threshold, Pacing suggestedPacing, Instant issuedAt)
            implements KernelRecommendation {
    }
}
