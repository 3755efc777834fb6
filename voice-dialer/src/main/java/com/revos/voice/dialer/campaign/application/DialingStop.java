package com.revos.voice.dialer.campaign.infrastructure;

import com.revos.voice.events.CampaignEvent;
import com.revos.voice.plumbing.outbox.OutboxWriter;
import java.time.Clock;
import java.util.UUID;

/**
 * Stops a campaign's dialing when the provider refuses the account (bad key, credits exhausted, plan, bad agent),
 * in the caller's transaction: the campaign is paused with the reason kept on it ({@code stopped_reason}, shown by
 * the API) and announced ({@code campaign.paused}). Retrying would only burn the provider's patience; an operator
 * fixes the account and resumes.
 */
public class DialingStop {

    private final CampaignStore campaigns;
    private final OutboxWriter outbox;
    private final Clock clock;

    DialingStop(CampaignStore campaigns, OutboxWriter outbox, Clock clock) {
        this.campaigns = campaigns;
        this.outbox = outbox;
        this.clock = clock;
    }

    public void stop(UUID campaignId, String reason) {
        var text = "provider refused the account: " + reason;
        campaigns.stopDialing(campaignId, text).ifPresent(tenantId -> outbox.record(
                new CampaignEvent.CampaignPaused(campaignId, tenantId, text, null, clock.instant())));
    }
}
