package com.revos.voice.optimizer;

import com.revos.voice.events.CallOutcome;
import com.revos.voice.optimizer.campaign.model.Attempt;
import com.revos.voice.optimizer.campaign.model.CallingHoursCeiling;
import com.revos.voice.optimizer.campaign.model.CampaignState;
import com.revos.voice.optimizer.campaign.model.Decision;
import com.revos.voice.optimizer.campaign.model.HourlyConnects;
import com.revos.voice.optimizer.campaign.model.RuleBook;
import com.revos.voice.optimizer.policy.model.OptimizerPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Decisions as the rules make them, for tests of what is done with them. */
public final class Decisions {

    private Decisions() {
    }

    /** A decision with the hourly connect rates the trail records beside it. */
    public record Fired(Decision decision, double[] hourlyConnectRates) {
    }

    /** The first decision failed calls in a row fire: stop-loss pauses the campaign. */
    public static Fired aStopLossPause(UUID tenant, UUID campaign) {
        var state = CampaignState.fresh(campaign);
        var decisions = new ArrayList<Decision>();
        for (int i = 0; i < 50 && decisions.isEmpty(); i++) {
            decisions.addAll(evaluate(state, tenant, Attempt.of(Calls.outcome(tenant, campaign, CallOutcome.FAILED),
                    Instant.now())));
        }
        return new Fired(decisions.getFirst(), state.hourlyConnectRates());
    }

    /** Records the attempt and evaluates the rules on the default policy, as the monitor does. */
    public static List<Decision> evaluate(CampaignState state, UUID tenant, Attempt attempt) {
        state.record(attempt, tenant, OptimizerPolicy.DEFAULT);
        return RuleBook.evaluate(state, attempt, OptimizerPolicy.DEFAULT, HourlyConnects::new,
                CallingHoursCeiling.FEDERAL);
    }
}
