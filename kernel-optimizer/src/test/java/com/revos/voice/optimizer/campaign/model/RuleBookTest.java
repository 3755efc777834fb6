package com.revos.voice.optimizer.campaign.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.events.CallEvent.CallCompleted;
import com.revos.voice.events.CallOutcome;
import com.revos.voice.events.CallingWindow;
import com.revos.voice.events.KernelCommand.CampaignPause;
import com.revos.voice.events.KernelCommand.CampaignRetime;
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
    /** The tenant's other campaigns. */
    private final HourlyConnects tenantHours = new HourlyConnects();
    private OptimizerPolicy policy = OptimizerPolicy.DEFAULT;
    private int clock;

    private List<Decision> feed(int count, IntFunction<CallCompleted> outcomes) {
        var decisions = new ArrayList<Decision>();
        for (int i = 0; i < count; i++) {
            var attempt = Attempt.of(outcomes.apply(i), T0.plusSeconds(clock++));
            state.record(attempt, tenant, policy);
            decisions.addAll(RuleBook.evaluate(state, attempt, policy, () -> tenantHours,
                    CallingHoursCeiling.FEDERAL));
        }
        return decisions;
    }

    private CallCompleted call(CallOutcome outcome) {
        return Calls.outcome(tenant, campaign, outcome, false, 12);
    }

    @Test
    void when_every_call_fails_stop_loss_pauses_after_thirteen_calls_and_says_why() {
        assertThat(feed(12, i -> call(CallOutcome.FAILED))).isEmpty();

        var decisions = feed(1, i -> call(CallOutcome.FAILED));

        assertThat(decisions).singleElement().satisfies(decision -> {
            assertThat(decision.rule()).isEqualTo(Rule.STOP_LOSS);
            assertThat(decision.value()).isEqualTo(1.0);
            assertThat(decision.threshold()).isEqualTo(0.30);
            assertThat(decision.evidence().sample()).isEqualTo(13);
            assertThat(decision.evidence().events()).isEqualTo(13);
            assertThat(decision.evidence().errorRate()).isEqualTo(0.01);
            assertThat(decision.evidence().statistic()).isGreaterThanOrEqualTo(decision.evidence().bound());
            assertThat(decision.evidence().bound()).isEqualTo(Math.log(10_000 * 3 / 0.01));
            assertThat(decision.evidence().confidenceBound()).isBetween(0.6, 1.0);
            assertThat(decision.explanation()).startsWith("paused: failure rate >= ")
                    .contains("with 99 % confidence after 13 calls; threshold 30 %")
                    .contains("13 of the last 13 calls failed");
            var pause = (CampaignPause) decision.message().orElseThrow();
            assertThat(pause.reason()).isEqualTo(decision.explanation());
        });
        assertThat(state.isPaused()).isTrue();
    }

    @Test
    void a_lasting_forty_percent_failure_rate_gives_exactly_one_pause() {
        var decisions = feed(5_000, i -> Calls.fortyPercentFailing(tenant, campaign, i));

        assertThat(decisions).extracting(Decision::rule).containsExactly(Rule.STOP_LOSS);
        assertThat(decisions.getFirst().evidence().confidenceBound()).isGreaterThan(0.30);
    }

    @Test
    void a_campaign_the_dialer_paused_gets_no_pause() {
        state.paused();

        assertThat(feed(200, i -> call(CallOutcome.FAILED))).extracting(Decision::rule)
                .doesNotContain(Rule.STOP_LOSS);
    }

    @Test
    void busy_and_no_answer_never_trip_stop_loss_and_without_better_hours_retime_only_recommends() {
        state.started(tenant, CallingWindow.DEFAULT, new Pacing(1, 5), null);

        var decisions = feed(200, i -> call(i % 2 == 0 ? CallOutcome.NO_ANSWER : CallOutcome.BUSY));

        assertThat(decisions).extracting(Decision::rule).doesNotContain(Rule.STOP_LOSS).contains(Rule.RETIME);
        var retime = decisions.stream().filter(d -> d.rule() == Rule.RETIME).findFirst().orElseThrow();
        assertThat(retime.action()).isInstanceOf(Action.RecommendOnly.class);
        assertThat(retime.message()).isEmpty();
        assertThat(retime.explanation()).startsWith("recommended only: connect rate <= ");
    }

    @Test
    void after_a_resume_stop_loss_starts_a_fresh_test() {
        feed(13, i -> call(CallOutcome.FAILED));
        state.resumed();

        assertThat(feed(12, i -> call(CallOutcome.FAILED))).isEmpty();
        assertThat(feed(1, i -> call(CallOutcome.FAILED))).extracting(Decision::rule).containsExactly(Rule.STOP_LOSS);
        assertThat(state.episode(Rule.STOP_LOSS)).isEqualTo(2);
    }

    @Test
    void hysteresis_and_cooldown_decide_when_a_rule_may_fire_again() {
        var scaleUp = new RulePolicy(0.30, 10, Duration.ofMinutes(10), Mode.RECOMMEND, 0.05, 0.10);
        policy = with(10, policy.stopLoss(), scaleUp);

        assertThat(feed(20, i -> qualifiedIf(true))).extracting(Decision::rule).containsExactly(Rule.SCALE_UP);
        // the window's efficiency is not back under the threshold by the hysteresis: still disarmed
        assertThat(feed(40, i -> qualifiedIf(true))).isEmpty();
        // ten unqualified calls re-arm it; a new breach inside the cooldown still gives nothing
        assertThat(feed(10, i -> qualifiedIf(false))).isEmpty();
        assertThat(feed(30, i -> qualifiedIf(true))).isEmpty();
        // after the cooldown it fires again, as a new episode with a new decision id
        clock += 600;
        var again = feed(1, i -> qualifiedIf(true));
        assertThat(again).extracting(Decision::rule).containsExactly(Rule.SCALE_UP);
        assertThat(again.getFirst().episode()).isEqualTo(2);
        assertThat(again.getFirst().decisionId()).isEqualTo(DecisionIds.decision(campaign, Rule.SCALE_UP, 2))
                .isNotEqualTo(DecisionIds.decision(campaign, Rule.SCALE_UP, 1));
    }

    private CallCompleted qualifiedIf(boolean qualified) {
        return Calls.outcome(tenant, campaign, CallOutcome.CONNECTED, qualified, 12);
    }

    /** Hours 08-20 in turn; only 18-20 answer, every other call there. */
    private CallCompleted eveningAnswers(int i) {
        var hour = 8 + i % 13;
        var connects = hour >= 18 && (i / 13) % 2 == 0;
        return Calls.outcome(tenant, campaign, connects ? CallOutcome.CONNECTED : CallOutcome.NO_ANSWER, true, hour);
    }

    @Test
    void retime_moves_the_window_to_the_evening_hours_that_connect_inside_the_legal_ceiling() {
        state.started(tenant, new CallingWindow(8, 21, null), new Pacing(1, 5), new Pacing(5, 20));
        // the tenant's single calls at 22-23 connect very well: the ceiling keeps the retime out of them
        tenantHours.add(22, 500, 450);
        tenantHours.add(23, 500, 450);

        var decisions = feed(2_000, this::eveningAnswers);

        assertThat(decisions).filteredOn(d -> d.rule() == Rule.RETIME).first().satisfies(decision -> {
            var retime = (Action.Retime) decision.action();
            assertThat(retime.to()).isEqualTo(new CallingWindow(15, 21, null));
            assertThat(retime.expectedRate()).isGreaterThan(retime.currentRate() + 0.05);
            assertThat(retime.gainLowerBound()).isPositive();
            assertThat(((CampaignRetime) decision.message().orElseThrow()).callingWindow())
                    .isEqualTo(new CallingWindow(15, 21, null));
            assertThat(decision.explanation()).contains("calling hours 08-21 -> 15-21 local time");
        });
    }

    @Test
    void retime_without_hourly_evidence_only_recommends() {
        state.started(tenant, new CallingWindow(9, 17, null), new Pacing(1, 5), new Pacing(5, 20));

        var decisions = feed(200, i -> Calls.outcome(tenant, campaign, CallOutcome.NO_ANSWER, false, null));

        assertThat(decisions).filteredOn(d -> d.rule() == Rule.RETIME).singleElement().satisfies(decision -> {
            assertThat(decision.action()).isInstanceOf(Action.RecommendOnly.class);
            assertThat(decision.message()).isEmpty();
        });
    }

    @Test
    void script_change_names_the_connected_calls_that_did_not_qualify() {
        var decisions = feed(200, i -> call(CallOutcome.CONNECTED));

        assertThat(decisions).singleElement().satisfies(decision -> {
            assertThat(decision.rule()).isEqualTo(Rule.SCRIPT_CHANGE);
            var message = (AgentScriptChange) decision.message().orElseThrow();
            assertThat(message.evidenceCallIds()).hasSize(RuleBook.EVIDENCE_CALLS);
            assertThat(message.qualificationRate()).isZero();
            assertThat(decision.explanation()).startsWith("script change: qualification among connected calls <= ");
        });
    }

    @Test
    void automatic_scaling_stays_within_the_tenants_limits() {
        policy = with(policy.windowSize(), policy.stopLoss(),
                new RulePolicy(0.30, 50, Duration.ofMinutes(10), Mode.AUTOMATIC, 0.05, 0.10));
        state.started(tenant, CallingWindow.DEFAULT, new Pacing(4, 10), new Pacing(5, 12));

        var decisions = feed(50, i -> Calls.outcome(tenant, campaign, CallOutcome.CONNECTED, true, 12));

        assertThat(decisions).singleElement().satisfies(decision -> {
            assertThat(decision.action()).isEqualTo(new Action.Scale(new Pacing(4, 10), new Pacing(5, 12)));
            assertThat(((CampaignScale) decision.message().orElseThrow()).pacing()).isEqualTo(new Pacing(5, 12));
        });
        assertThat(state.guarding()).isTrue();
    }

    @Test
    void an_automatic_scale_that_makes_failures_worse_is_rolled_back_with_the_reason() {
        policy = with(policy.windowSize(), policy.stopLoss(),
                new RulePolicy(0.30, 50, Duration.ofMinutes(10), Mode.AUTOMATIC, 0.05, 0.10));
        state.started(tenant, CallingWindow.DEFAULT, new Pacing(4, 10), new Pacing(5, 12));
        var scale = feed(50, i -> Calls.outcome(tenant, campaign, CallOutcome.CONNECTED, true, 12)).getFirst();

        var after = feed(13, i -> call(CallOutcome.FAILED));

        assertThat(after).extracting(Decision::rule).containsExactly(Rule.SCALE_UP, Rule.STOP_LOSS);
        var rollback = after.getFirst();
        assertThat(rollback.action()).isEqualTo(new Action.Rollback(scale.decisionId(), "scale", null,
                new Pacing(4, 10), Action.Rollback.FAILURES));
        assertThat(rollback.decisionId()).isEqualTo(DecisionIds.rollback(scale.decisionId()));
        assertThat(rollback.episode()).isEqualTo(-1);
        assertThat(((CampaignScale) rollback.message().orElseThrow()).pacing()).isEqualTo(new Pacing(4, 10));
        assertThat(rollback.explanation()).startsWith("rolled back the scale: failure rate >= ");
        assertThat(state.pacing).isEqualTo(new Pacing(4, 10));
        assertThat(state.guarding()).isFalse();
    }

    @Test
    void an_automatic_scale_after_which_live_answered_calls_get_abandoned_is_rolled_back_with_the_reason() {
        policy = with(policy.windowSize(), policy.stopLoss(),
                new RulePolicy(0.30, 50, Duration.ofMinutes(10), Mode.AUTOMATIC, 0.05, 0.10));
        state.started(tenant, CallingWindow.DEFAULT, new Pacing(4, 10), new Pacing(5, 12));
        var scale = feed(50, i -> Calls.outcome(tenant, campaign, CallOutcome.CONNECTED, true, 12)).getFirst();

        // as many connects and failures as before: only abandonment got worse
        var after = feed(40, i -> i % 2 == 0 ? Calls.abandoned(tenant, campaign)
                : Calls.outcome(tenant, campaign, CallOutcome.CONNECTED, true, 12));

        var rollback = after.stream().filter(decision -> decision.action() instanceof Action.Rollback).findFirst()
                .orElseThrow();
        assertThat(rollback.action()).isEqualTo(new Action.Rollback(scale.decisionId(), "scale", null,
                new Pacing(4, 10), Action.Rollback.ABANDONMENT));
        assertThat(rollback.explanation()).startsWith("rolled back the scale: abandonment rate >= ")
                .contains("connected calls were abandoned");
        assertThat(rollback.evidence().sample()).isLessThan(40);
        assertThat(state.pacing).isEqualTo(new Pacing(4, 10));
        assertThat(state.guarding()).isFalse();
    }

    @Test
    void an_automatic_scale_that_does_no_harm_is_watched_then_kept() {
        policy = with(policy.windowSize(), policy.stopLoss(),
                new RulePolicy(0.30, 50, Duration.ofMinutes(10), Mode.AUTOMATIC, 0.05, 0.10));
        state.started(tenant, CallingWindow.DEFAULT, new Pacing(4, 10), new Pacing(5, 12));
        feed(50, i -> Calls.outcome(tenant, campaign, CallOutcome.CONNECTED, true, 12));

        var after = feed(RuleBook.GUARD_CALLS, i -> Calls.outcome(tenant, campaign,
                i % 50 == 0 ? CallOutcome.FAILED : CallOutcome.CONNECTED, true, 12));

        assertThat(after).extracting(Decision::action).noneMatch(Action.Rollback.class::isInstance);
        assertThat(state.guarding()).isFalse();
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
        policy = with(policy.windowSize(), new RulePolicy(0.30, 5, Duration.ofMinutes(10), Mode.RECOMMEND, 0.01,
                0.10), policy.scaleUp());

        var decisions = feed(13, i -> call(CallOutcome.FAILED));

        assertThat(decisions).filteredOn(decision -> decision.rule() == Rule.STOP_LOSS).singleElement()
                .satisfies(decision -> {
                    assertThat(decision.action()).isEqualTo(new Action.RecommendOnly(new Action.Pause()));
                    assertThat(decision.message()).isEmpty();
                    assertThat(decision.explanation()).startsWith("recommended only: pause: failure rate >= ");
                });
        assertThat(state.isPaused()).isFalse();
    }

    @Test
    void decision_ids_depend_only_on_campaign_rule_and_episode() {
        var first = feed(13, i -> call(CallOutcome.FAILED)).getFirst();

        var replay = CampaignState.fresh(campaign);
        Decision again = null;
        for (int i = 0; i < 13; i++) {
            var attempt = Attempt.of(call(CallOutcome.FAILED), T0.plusSeconds(i));
            replay.record(attempt, tenant, policy);
            var decisions = RuleBook.evaluate(replay, attempt, policy, HourlyConnects::new,
                    CallingHoursCeiling.FEDERAL);
            if (!decisions.isEmpty()) {
                again = decisions.getFirst();
            }
        }

        assertThat(again).isEqualTo(first);
        assertThat(again.messageId()).isEqualTo(first.messageId());
    }

    private OptimizerPolicy with(int windowSize, RulePolicy stopLoss, RulePolicy scaleUp) {
        return new OptimizerPolicy(windowSize, policy.windowDuration(), policy.hysteresis(), policy.scaleFactor(),
                policy.retimeHours(), stopLoss, policy.retime(), policy.scriptChange(), scaleUp);
    }
}
