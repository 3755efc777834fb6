package com.revos.voice.optimizer.campaign.model;

import com.revos.voice.events.KernelCommand.CampaignPause;
import com.revos.voice.events.KernelCommand.CampaignRetime;
import com.revos.voice.events.KernelCommand.CampaignScale;
import com.revos.voice.events.KernelRecommendation.AgentScriptChange;
import com.revos.voice.events.KernelRecommendation.CampaignScaleUp;
import com.revos.voice.events.VoiceEvent;
import com.revos.voice.optimizer.policy.model.Rule;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One firing of a rule: what it saw, the threshold it compared with, the evidence, and what it does.
 *
 * @param episode the rule's n-th decision for the campaign; a rollback of episode n has episode -n
 * @param value the rate the evidence supports (the sequential test's run estimate)
 * @param evidence the statistic, bound, sample and error rate the decision rests on
 * @param explanation the decision as a sentence a person can read
 * @param decidedAt the event time of the outcome that crossed the bound (deterministic on replay)
 */
public record Decision(UUID decisionId, UUID tenantId, UUID campaignId, Rule rule, int episode, double value,
                       double threshold, Metrics metrics, Action action, Evidence evidence, String explanation,
                       Instant decidedAt) {

    static final String SCRIPT_SUGGESTION =
            "Qualification is low among connected calls: review the opening and the qualifying questions";

    /** The id of the command or recommendation this decision sends. */
    public UUID messageId() {
        return DecisionIds.message(decisionId);
    }

    public String reason() {
        return explanation;
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
            case Action.ScriptChange change -> new AgentScriptChange(id, campaignId, tenantId, decisionId,
                    new AgentScriptChange.Evidence(value, threshold, metrics.connected(), change.evidenceCallIds()),
                    SCRIPT_SUGGESTION, decidedAt);
            case Action.ScaleUp scaleUp when scaleUp.suggested() != null -> new CampaignScaleUp(id, campaignId,
                    tenantId, decisionId, value, threshold, scaleUp.suggested(), decidedAt);
            // the recommendation names the pacing to go to; without the campaign's pacing it is for people only
            case Action.ScaleUp ignored -> null;
            case Action.Rollback rollback when rollback.window() != null -> new CampaignRetime(id, campaignId, tenantId,
                    decisionId, rollback.window(), reason(), decidedAt);
            case Action.Rollback rollback when rollback.pacing() != null -> new CampaignScale(id, campaignId, tenantId,
                    decisionId, rollback.pacing(), reason(), decidedAt);
            case Action.Rollback ignored -> null;
            case Action.RecommendOnly ignored -> null;
        });
    }
}
