package com.revos.voice.optimizer.campaign.model;

import com.revos.voice.optimizer.policy.model.Rule;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic ids: the same campaign, rule and episode always give the same decision id, so reprocessing the
 * same events after a restart or rebalance finds the decision already recorded and sends nothing again.
 */
public final class DecisionIds {

    private DecisionIds() {
    }

    public static UUID decision(UUID campaignId, Rule rule, int episode) {
        return name("revos-kernel-decision:" + campaignId + ":" + rule.wireName() + ":" + episode);
    }

    /** The rollback of a guarded decision: one per decision, whatever replays. */
    public static UUID rollback(UUID decisionId) {
        return name("revos-kernel-rollback:" + decisionId);
    }

    /** The id of the command or recommendation a decision sends. */
    public static UUID message(UUID decisionId) {
        return name("revos-kernel-message:" + decisionId);
    }

    /** The id of the outbox event carrying that message. */
    public static UUID outboxEvent(UUID decisionId) {
        return name("revos-kernel-outbox:" + decisionId);
    }

    /** The id of the kernel event (the observed snapshot) behind a decision. */
    public static UUID observation(UUID decisionId) {
        return name("revos-kernel-observation:" + decisionId);
    }

    private static UUID name(String text) {
        return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
