package com.revos.voice.optimizer.campaign.infrastructure;

import com.revos.voice.optimizer.campaign.application.DecisionLog;
import com.revos.voice.optimizer.campaign.model.Decision;
import java.util.UUID;

/** Test fixture: a decision log that keeps nothing, for runs that measure or restart the topology, not its rules. */
final class DiscardingDecisionLog implements DecisionLog {

    @Override
    public boolean record(Decision decision, UUID triggerEventId, double[] hourlyConnectRates) {
        return false;
    }

    @Override
    public boolean confirm(Confirmation confirmation) {
        return false;
    }
}
