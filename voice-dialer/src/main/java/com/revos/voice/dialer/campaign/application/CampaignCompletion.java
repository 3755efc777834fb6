package com.revos.voice.dialer.campaign.application;

import com.revos.voice.dialer.common.application.Events;
import com.revos.voice.events.CampaignEvent;
import java.time.Clock;
import java.util.UUID;

/** Completes a running campaign once no contact is waiting or in flight (CampaignCompleted, once). */
public class CampaignCompletion {

    private final CampaignRecords campaigns;
    private final Events events;
    private final Clock clock;

    public CampaignCompletion(CampaignRecords campaigns, Events events, Clock clock) {
        this.campaigns = campaigns;
        this.events = events;
        this.clock = clock;
    }

    /** In the caller's transaction. */
    public void completeIfDrained(UUID campaignId) {
        var now = clock.instant();
        campaigns.completeIfDrained(campaignId, now).ifPresent(completed -> events.publish(
                new CampaignEvent.CampaignCompleted(campaignId, completed.tenantId(), completed.done(),
                        completed.exhausted(), now)));
    }
}
