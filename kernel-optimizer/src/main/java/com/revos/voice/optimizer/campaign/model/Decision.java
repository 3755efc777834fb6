package com.revos.voice.optimizer.campaign.model;

import com.revos.voice.events.KernelCommand.CampaignPause;
import com.revos.voice.events.KernelCommand.CampaignRetime;
import com.revos.voice.events.KernelCommand.CampaignScale;
import com.revos.voice.events.KernelRecommendation.AgentScriptChange;
import com.revos.voice.events.KernelRecommendation.CampaignScaleUp;
import com.revos.voice.events.VoiceEvent;
import com.revos.voice.optimizer.policy.model.Rule;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * One firing of a rule: what it saw, the threshold it compared with, and what it does.
 *
 * @param decidedAt the event time of the outcome that crossed the threshold (deterministic on replay)
 */
public record Decision(UUID decisionId, UUID tenantId, UUID campaignId, Rule rule, int episode, double value,
                       double threshold, Metrics metrics, Action action, Instant decidedAt) {

    static final String SCRIPT_SUGGESTION =
            "Qualification is low among connected calls: review the opening and the qualifying questions";

    /** The id of the command or recommendation this decision sends. */
    public UUID messageId() {
        return DecisionIds.message(decisionId);
    }

    public String reason() {
        return String.format(Locale.ROOT, "%s: %.3f against threshold %.3f over %d attempts", rule.wireName(), value,
                threshold, metrics.attempted());
    }

    /** The command or recommendation to publish; empty for recommend-only decisions without an event type. */
    public Optional<VoiceEvent> message() {
        var id = messageId();
        return Optional.ofNullable(switch (action) {
            case Action.Pause pause -> new CampaignPause(id, campaignId, tenantId, decisionId, reason(), decidedAt);
            case Action.Retime retime -> new CampaignRetime(id, campaignId, tenantId, decisionId, retime.to(),
                    reason(), decidedAt);
            case Action.Scale scale -> new CampaignScale(id, campaignId, tenantId, decisionId, scale.to(), reason(),
                    decidedAt);
            case Action.ScriptChange change -> new AgentScriptChange(id, campaignId, tenantId, decisionId, value,
                    threshold, metrics.connected(), change.evidenceCallIds(), SCRIPT_SUGGESTION, decidedAt);
            case Action.ScaleUp scaleUp -> new CampaignScaleUp(id, campaignId, tenantId, decisionId, value, threshold,
                    scaleUp.suggested(), decidedAt);
            case Action.RecommendOnly ignored -> null;
        });
    }
}
