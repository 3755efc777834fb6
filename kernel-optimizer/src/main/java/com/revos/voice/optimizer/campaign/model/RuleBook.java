package com.revos.voice.optimizer.campaign.model;

import com.revos.voice.events.Pacing;
import com.revos.voice.optimizer.policy.model.Mode;
import com.revos.voice.optimizer.policy.model.OptimizerPolicy;
import com.revos.voice.optimizer.policy.model.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * The four rules of design.md section 5. A rule fires when its metric crosses the threshold over at least the
 * minimum sample, the rule is armed and its cooldown has passed. Firing disarms it; it re-arms only once the metric
 * is back past the threshold by the hysteresis margin, so one lasting condition gives one decision.
 */
public final class RuleBook {

    static final int EVIDENCE_CALLS = 20;

    private RuleBook() {
    }

    /** Evaluates every rule against the campaign's current window; updates the rules' firing state. */
    public static List<Decision> evaluate(CampaignState state, OptimizerPolicy policy) {
        if (state.ended || state.tenantId() == null || state.streamTime == CampaignState.NEVER) {
            return List.of();
        }
        var metrics = state.metrics();
        var decisions = new ArrayList<Decision>(1);
        for (var rule : Rule.values()) {
            var settings = policy.of(rule);
            var i = rule.ordinal();
            var value = value(rule, metrics);
            if (sample(rule, metrics) < settings.minimumSample()) {
                continue;
            }
            if (!state.armed[i]) {
                state.armed[i] = recovered(rule, value, settings.threshold(), policy.hysteresis());
                continue;
            }
            if (!breached(rule, value, settings.threshold()) || coolingDown(state, i, settings.cooldown().toMillis())
                    || blocked(rule, state)) {
                continue;
            }
            state.armed[i] = false;
            state.episodes[i]++;
            state.lastFired[i] = state.streamTime;
            var action = action(rule, state, policy);
            if (action instanceof Action.Pause) {
                // the pause is on its way: treat the campaign as paused from now on
                state.paused = true;
            }
            decisions.add(new Decision(DecisionIds.decision(state.campaignId(), rule, state.episodes[i]),
                    state.tenantId(), state.campaignId(), rule, state.episodes[i], value, settings.threshold(),
                    metrics, action, state.streamTime()));
        }
        return decisions;
    }

    static double value(Rule rule, Metrics metrics) {
        return switch (rule) {
            case STOP_LOSS -> metrics.failureRate();
            case RETIME -> metrics.connectRate();
            case SCRIPT_CHANGE -> metrics.qualificationRate();
            case SCALE_UP -> metrics.efficiency();
        };
    }

    /** The metric's denominator: qualification among connected calls needs enough connected calls. */
    private static int sample(Rule rule, Metrics metrics) {
        return rule == Rule.SCRIPT_CHANGE ? metrics.connected() : metrics.attempted();
    }

    private static boolean breached(Rule rule, double value, double threshold) {
        return switch (rule) {
            case STOP_LOSS, SCALE_UP -> value > threshold;
            case RETIME, SCRIPT_CHANGE -> value < threshold;
        };
    }

    private static boolean recovered(Rule rule, double value, double threshold, double hysteresis) {
        return switch (rule) {
            case STOP_LOSS, SCALE_UP -> value <= threshold - hysteresis;
            case RETIME, SCRIPT_CHANGE -> value >= threshold + hysteresis;
        };
    }

    private static boolean coolingDown(CampaignState state, int rule, long cooldownMillis) {
        return state.lastFired[rule] != CampaignState.NEVER && state.streamTime - state.lastFired[rule] < cooldownMillis;
    }

    /**
     * A paused campaign gets no further pause, and no other command either: retiming or scaling a campaign that
     * stopped dialing would act on rates that no longer move. Advice for people (script changes) still flows.
     */
    private static boolean blocked(Rule rule, CampaignState state) {
        return state.paused && rule != Rule.SCRIPT_CHANGE;
    }

    private static Action action(Rule rule, CampaignState state, OptimizerPolicy policy) {
        var automatic = policy.of(rule).mode() == Mode.AUTOMATIC;
        return switch (rule) {
            case STOP_LOSS -> automatic ? new Action.Pause() : new Action.RecommendOnly(new Action.Pause());
            case RETIME -> {
                var retime = RetimePlanner.plan(state.hourly, state.callingWindow, policy.retime().threshold());
                yield automatic ? retime : new Action.RecommendOnly(retime);
            }
            case SCRIPT_CHANGE -> new Action.ScriptChange(state.poorCalls(EVIDENCE_CALLS));
            case SCALE_UP -> scale(state, policy, automatic);
        };
    }

    /** Scales by the policy's factor, never past the tenant's limits; at the limits it only recommends. */
    private static Action scale(CampaignState state, OptimizerPolicy policy, boolean automatic) {
        if (state.pacing == null) {
            return new Action.ScaleUp(null);
        }
        var factor = policy.scaleFactor();
        var wanted = new Pacing(state.pacing.callsPerSecond() * factor,
                (int) Math.ceil(state.pacing.maxConcurrent() * factor));
        var capped = state.limits == null ? wanted : new Pacing(
                Math.min(wanted.callsPerSecond(), state.limits.callsPerSecond()),
                Math.min(wanted.maxConcurrent(), state.limits.maxConcurrent()));
        var headroom = capped.callsPerSecond() > state.pacing.callsPerSecond()
                || capped.maxConcurrent() > state.pacing.maxConcurrent();
        if (automatic && state.limits != null && headroom) {
            return new Action.Scale(state.pacing, capped);
        }
        return new Action.ScaleUp(capped);
    }
}
