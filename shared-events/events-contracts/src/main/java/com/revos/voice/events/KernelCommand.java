package com.revos.voice.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Commands of the kernel optimizer to the dialer, on {@link Topics#KERNEL_COMMANDS}, keyed by campaign id.
 * The dialer confirms each with a {@link CampaignEvent} carrying the same {@code commandId}.
 */
public sealed interface KernelCommand extends VoiceEvent {

    UUID commandId();

    UUID decisionId();

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

    record CampaignPause(UUID commandId, UUID campaignId, UUID tenantId, UUID decisionId, String reason,
                         Instant issuedAt) implements KernelCommand {
    }

    record CampaignRetime(UUID commandId, UUID campaignId, UUID tenantId, UUID decisionId,
                          CallingWindow callingWindow, String reason, Instant issuedAt) implements KernelCommand {
    }

    record CampaignScale(UUID commandId, UUID campaignId, UUID tenantId, UUID decisionId, Pacing pacing,
                         String reason, Instant issuedAt) implements KernelCommand {
    }
}
