package com.revos.voice.optimizer.campaign.application;

import com.revos.voice.optimizer.campaign.model.Decision;
import java.time.Instant;
import java.util.UUID;

/** The audit trail, and the way out for commands and recommendations. */
public interface DecisionLog {

    /**
     * Records the observation, the decision and its command or recommendation, and publishes the latter, all at
     * once. A decision id already recorded changes nothing and publishes nothing.
     *
     * @param triggerEventId the event whose processing fired the decision
     * @param hourlyConnectRates connect rate per contact-local hour (NaN where unknown), part of the observation
     * @return whether the decision was new; false when it was a replay, so replays are not counted twice
     */
    boolean record(Decision decision, UUID triggerEventId, double[] hourlyConnectRates);

    /**
     * Records the dialer's confirmation of a command; repeated confirmations change nothing.
     *
     * @return whether this confirmed the command; false when it was already confirmed or is not ours
     */
    boolean confirm(Confirmation confirmation);

    /** The dialer confirmed a command with a campaign event carrying the command's id. */
    record Confirmation(UUID commandId, UUID tenantId, UUID campaignId, String eventType, UUID eventId,
                        Instant confirmedAt) {
    }
}
