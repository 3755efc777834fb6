package com.revos.voice.dialer.campaign.application;

import com.revos.voice.dialer.common.application.Events;
import com.revos.voice.events.CampaignEvent;
import java.time.Clock;
import java.util.UUID;

/**
 * Stops a campaign's dialing when the provider refuses the account (bad key, credits exhausted, plan, bad agent),
 * in the caller's transaction: the campaign is paused with the reason kept on it ({@code stopped_reason}, shown by
 * the API) and announced ({@code campaign.paused}). Retrying would only burn the provider's patience; an operator
 * fixes the account and resumes.
 */
public class DialingStop {

    private final CampaignRecords campaigns;
    private final Events events;
    private final Clock clock;

    public DialingStop(CampaignRecords campaigns, Events events, Clock clock) {
        this.campaigns = campaigns;
        this.events = events;
        this.clock = clock;
    }

    public void stop(UUID campaignId, String reason) {
        var text = "provider refused the account: " + reason;
        campaigns.stopDialing(campaignId, text).ifPresent(tenantId -> events.publish(
                new CampaignEvent.CampaignPaused(campaignId, tenantId, text, null, clock.instant())));
    }
}
