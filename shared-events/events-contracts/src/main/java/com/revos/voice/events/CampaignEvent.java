package com.revos.voice.events;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Campaign lifecycle events of voice-dialer, on {@link Topics#CAMPAIGNS}, keyed by campaign id.
 * {@code commandId} is set when the change confirms a kernel command.
 */
public sealed interface CampaignEvent extends VoiceEvent {

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

    /** {@code limits} is the most the tenant may use, so the optimizer never scales past it. */
    record CampaignStarted(UUID campaignId, UUID tenantId, String name, CallingWindow callingWindow, Pacing pacing,
                           @Nullable Pacing limits, long contacts, Instant startedAt) implements CampaignEvent {
    }

    record CampaignPaused(UUID campaignId, UUID tenantId, @Nullable String reason, @Nullable UUID commandId,
                          Instant pausedAt)
            implements CampaignEvent {
    }

    record CampaignResumed(UUID campaignId, UUID tenantId, Instant resumedAt) implements CampaignEvent {
    }

    record CampaignRetimed(UUID campaignId, UUID tenantId, CallingWindow callingWindow, @Nullable UUID commandId,
                           Instant retimedAt) implements CampaignEvent {
    }

    record CampaignScaled(UUID campaignId, UUID tenantId, Pacing pacing, @Nullable UUID commandId, Instant scaledAt)
            implements CampaignEvent {
    }

    record CampaignCompleted(UUID campaignId, UUID tenantId, long contactsDone, long contactsExhausted,
                             Instant completedAt) implements CampaignEvent {
    }

    record CampaignCancelled(UUID campaignId, UUID tenantId, Instant cancelledAt) implements CampaignEvent {
    }
}
