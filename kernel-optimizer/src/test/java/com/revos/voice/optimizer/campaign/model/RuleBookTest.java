package com.revos.voice.optimizer.campaign.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.events.CallEvent.CallCompleted;
import com.revos.voice.events.CallOutcome;
import com.revos.voice.events.CallingWindow;
import com.revos.voice.events.KernelCommand.CampaignPause;
import com.revos.voice.events.KernelCommand.CampaignScale;
import com.revos.voice.events.KernelRecommendation.AgentScriptChange;
import com.revos.voice.events.KernelRecommendation.CampaignScaleUp;
import com.revos.voice.events.Pacing;
import com.revos.voice.optimizer.Calls;
import com.revos.voice.optimizer.policy.model.Mode;
import com.revos.voice.optimizer.policy.model.OptimizerPolicy;
import com.revos.voice.optimizer.policy.model.Rule;
import com.revos.voice.optimizer.policy.model.RulePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class RuleBookTest {

    private static final Instant T0 = Instant.parse("2026-11-23T18:00:00Z");

    private final UUID tenant = UUID.randomUUID();
    private final UUID campaign = UUID.randomUUID();
    private final CampaignState state = CampaignState.fresh(campaign);
    private OptimizerPolicy policy = OptimizerPolicy.DEFAULT;
    private int clock;

    private List<Decision> feed(int count, IntFunction<CallCompleted> outcomes) {
        var decisions = new ArrayList<Decision>();
        for (int i = 0; i < count; i++) {
            state.record(Attempt.of(outcomes.apply(i), T0.plusSeconds(clock++)), tenant, policy);
            decisions.addAll(RuleBook.evaluate(state, policy));
        }
        return decisions;
    }

    private CallCompleted call(CallOutcome outcome) {
        return Calls.outcome(tenant, campaign, outcome, false, 12);
    }

    @Test
    void stop_loss_waits_for_the_minimum_sample_then_pauses_once() {
        assertThat(feed(49, i -> call(CallOutcome.FAILED))).isEmpty();

        var decisions = feed(1, i -> call(CallOutcome.FAILED));

        assertThat(decisions).singleElement().satisfies(decision -> {
            assertThat(decision.rule()).isEqualTo(Rule.STOP_LOSS);
            assertThat(decision.value()).isEqualTo(1.0);
            assertThat(decision.threshold()).isEqualTo(0.30);
            assertThat(decision.metrics().attempted()).isEqualTo(50);
            assertThat(decision.message()).get().isInstanceOf(CampaignPause.class);
        });
        assertThat(state.isPaused()).isTrue();
    }

    @Test
    void a_lasting_forty_percent_failure_rate_gives_exactly_one_pause() {
        var decisions = feed(1_000, i -> Calls.fortyPercentFailing(tenant, campaign, i));

        assertThat(decisions).extracting(Decision::rule).containsExactly(Rule.STOP_LOSS);
        assertThat(decisions.getFirst().value()).isEqualTo(0.40);
    }

    @Test
    void a_campaign_the_dialer_paused_gets_no_pause() {
        state.paused();

        assertThat(feed(200, i -> call(CallOutcome.FAILED))).extracting(Decision::rule)
                .doesNotContain(Rule.STOP_LOSS);
    }

    @Test
    void outcomes_other_than_failed_never_trip_stop_loss() {
        var decisions = feed(200, i -> call(i % 2 == 0 ? CallOutcome.NO_ANSWER : CallOutcome.BUSY));

        assertThat(decisions).extracting(Decision::rule).doesNotContain(Rule.STOP_LOSS).contains(Rule.RETIME);
    }

    @Test
    void after_a_resume_stop_loss_needs_a_fresh_minimum_sample() {
        feed(50, i -> call(CallOutcome.FAILED));
        state.resumed();

        assertThat(feed(49, i -> call(CallOutcome.FAILED))).isEmpty();
        assertThat(feed(1, i -> call(CallOutcome.FAILED))).extracting(Decision::rule).containsExactly(Rule.STOP_LOSS);
        assertThat(state.episode(Rule.STOP_LOSS)).isEqualTo(2);
    }

    @Test
    void hysteresis_and_cooldown_decide_when_a_rule_may_fire_again() {
        var scaleUp = new RulePolicy(0.30, 10, Duration.ofMinutes(10), Mode.RECOMMEND);
        policy = new OptimizerPolicy(10, Duration.ofMinutes(30), 0.05, 1.5, policy.stopLoss(), policy.retime(),
                policy.scriptChange(), scaleUp);
        // efficiency 0.4 > 0.3
        assertThat(feed(10, i -> qualifiedIf(i < 4))).extracting(Decision::rule).containsExactly(Rule.SCALE_UP);
        // 0.3 is not back past the threshold by the 0.05 hysteresis: still disarmed, so 0.4 again gives nothing
        assertThat(feed(10, i -> qualifiedIf(i < 3))).isEmpty();
        assertThat(feed(10, i -> qualifiedIf(i < 4))).isEmpty();
        // 0.1 re-arms; a new breach inside the cooldown still gives nothing
        assertThat(feed(10, i -> qualifiedIf(i == 0))).isEmpty();
        var early = new ArrayList<Decision>();
        for (int i = 0; i < 10; i++) {
            state.record(Attempt.of(qualifiedIf(true), T0.plusSeconds(300 + i)), tenant, policy);
            early.addAll(RuleBook.evaluate(state, policy));
        }
        assertThat(early).isEmpty();
        // after the cooldown it fires again, as a new episode with a new decision id
        state.record(Attempt.of(qualifiedIf(true), T0.plus(Duration.ofMinutes(11))), tenant, policy);
        var again = RuleBook.evaluate(state, policy);
        assertThat(again).extracting(Decision::rule).containsExactly(Rule.SCALE_UP);
        assertThat(again.getFirst().episode()).isEqualTo(2);
        assertThat(again.getFirst().decisionId()).isEqualTo(DecisionIds.decision(campaign, Rule.SCALE_UP, 2))
                .isNotEqualTo(DecisionIds.decision(campaign, Rule.SCALE_UP, 1));
    }

    private CallCompleted qualifiedIf(boolean qualified) {
        return Calls.outcome(tenant, campaign, CallOutcome.CONNECTED, qualified, 12);
    }

    @Test
    void retime_moves_the_window_to_the_evening_hours_that_connect() {
        state.started(tenant, new CallingWindow(9, 21, null), new Pacing(1, 5), new Pacing(5, 20));

        var decisions = feed(50, i -> Calls.eveningOnly(tenant, campaign, i));

        assertThat(decisions).singleElement().satisfies(decision -> {
            assertThat(decision.rule()).isEqualTo(Rule.RETIME);
            assertThat(decision.action()).isEqualTo(
                    new Action.Retime(new CallingWindow(9, 21, null), new CallingWindow(17, 21, null), false));
        });
    }

    @Test
    void retime_without_hourly_evidence_shifts_the_window_later() {
        state.started(tenant, new CallingWindow(9, 17, null), new Pacing(1, 5), new Pacing(5, 20));

        var decisions = feed(50, i -> Calls.outcome(tenant, campaign, CallOutcome.NO_ANSWER, false, null));

        assertThat(decisions).singleElement().extracting(Decision::action)
                .isEqualTo(new Action.Retime(new CallingWindow(9, 17, null), new CallingWindow(12, 20, null), true));
    }

    @Test
    void script_change_names_the_connected_calls_that_did_not_qualify() {
        var decisions = feed(60, i -> call(CallOutcome.CONNECTED));

        assertThat(decisions).singleElement().satisfies(decision -> {
            assertThat(decision.rule()).isEqualTo(Rule.SCRIPT_CHANGE);
            var message = (AgentScriptChange) decision.message().orElseThrow();
            assertThat(message.evidenceCallIds()).hasSize(RuleBook.EVIDENCE_CALLS);
            assertThat(message.qualificationRate()).isZero();
            assertThat(message.sampleSize()).isEqualTo(50);
        });
    }

    @Test
    void automatic_scaling_stays_within_the_tenants_limits() {
        policy = withScaleUp(new RulePolicy(0.30, 50, Duration.ofMinutes(10), Mode.AUTOMATIC));
        state.started(tenant, CallingWindow.DEFAULT, new Pacing(4, 10), new Pacing(5, 12));

        var decisions = feed(50, i -> Calls.outcome(tenant, campaign, CallOutcome.CONNECTED, true, 12));

        assertThat(decisions).singleElement().satisfies(decision -> {
            assertThat(decision.action()).isEqualTo(new Action.Scale(new Pacing(4, 10), new Pacing(5, 12)));
            assertThat(((CampaignScale) decision.message().orElseThrow()).pacing()).isEqualTo(new Pacing(5, 12));
        });
    }

    @Test
    void at_the_tenants_limits_or_in_recommend_mode_scaling_is_only_recommended() {
        state.started(tenant, CallingWindow.DEFAULT, new Pacing(2, 10), new Pacing(5, 20));

        var decisions = feed(50, i -> Calls.outcome(tenant, campaign, CallOutcome.CONNECTED, true, 12));

        assertThat(decisions).singleElement().satisfies(decision ->
                assertThat(((CampaignScaleUp) decision.message().orElseThrow()).suggestedPacing())
                        .isEqualTo(new Pacing(3, 15)));
    }

    @Test
    void recommend_only_stop_loss_records_a_decision_without_a_command() {
        policy = new OptimizerPolicy(200, Duration.ofMinutes(30), 0.05, 1.5,
                new RulePolicy(0.30, 50, Duration.ofMinutes(10), Mode.RECOMMEND), policy.retime(),
                policy.scriptChange(), policy.scaleUp());

        var decisions = feed(50, i -> call(CallOutcome.FAILED));

        assertThat(decisions).filteredOn(decision -> decision.rule() == Rule.STOP_LOSS).singleElement()
                .satisfies(decision -> {
            assertThat(decision.action()).isEqualTo(new Action.RecommendOnly(new Action.Pause()));
            assertThat(decision.message()).isEmpty();
        });
        assertThat(state.isPaused()).isFalse();
    }

    @Test
    void decision_ids_depend_only_on_campaign_rule_and_episode() {
        var first = feed(50, i -> call(CallOutcome.FAILED)).getFirst();

        var replay = CampaignState.fresh(campaign);
        Decision again = null;
        clock = 0;
        for (int i = 0; i < 50; i++) {
            replay.record(Attempt.of(call(CallOutcome.FAILED), T0.plusSeconds(clock++)), tenant, policy);
            var decisions = RuleBook.evaluate(replay, policy);
            if (!decisions.isEmpty()) {
                again = decisions.getFirst();
            }
        }

        assertThat(again).isEqualTo(first);
        assertThat(again.messageId()).isEqualTo(first.messageId());
    }

    private OptimizerPolicy withScaleUp(RulePolicy scaleUp) {
        return new OptimizerPolicy(policy.windowSize(), policy.windowDuration(), policy.hysteresis(),
                policy.scaleFactor(), policy.stopLoss(), policy.retime(), policy.scriptChange(), scaleUp);
    }
}
