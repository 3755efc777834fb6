package com.revos.voice.optimizer.campaign.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.events.CallOutcome;
import com.revos.voice.events.CallingWindow;
import com.revos.voice.events.Pacing;
import com.revos.voice.optimizer.Calls;
import com.revos.voice.optimizer.policy.model.OptimizerPolicy;
import com.revos.voice.optimizer.policy.model.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CampaignStateTest {

    private static final Instant T0 = Instant.parse("2026-11-23T18:00:00Z");

    private final UUID tenant = UUID.randomUUID();
    private final UUID campaign = UUID.randomUUID();
    private final CampaignState state = CampaignState.fresh(campaign);

    private void record(CallOutcome outcome, Instant at, OptimizerPolicy policy) {
        state.record(Attempt.of(Calls.outcome(tenant, campaign, outcome, true, 18), at), tenant, policy);
    }

    @Test
    void the_window_keeps_the_most_recent_attempts_by_count() {
        for (int i = 0; i < 300; i++) {
            record(i < 100 ? CallOutcome.FAILED : CallOutcome.CONNECTED, T0.plusSeconds(i), OptimizerPolicy.DEFAULT);
        }

        assertThat(state.metrics()).isEqualTo(new Metrics(200, 0, 200, 200));
        assertThat(state.attemptsTotal()).isEqualTo(300);
    }

    @Test
    void the_window_drops_attempts_older_than_its_age_by_event_time() {
        record(CallOutcome.FAILED, T0, OptimizerPolicy.DEFAULT);
        record(CallOutcome.FAILED, T0.plus(Duration.ofMinutes(10)), OptimizerPolicy.DEFAULT);
        record(CallOutcome.CONNECTED, T0.plus(Duration.ofMinutes(35)), OptimizerPolicy.DEFAULT);

        assertThat(state.metrics()).isEqualTo(new Metrics(2, 1, 1, 1));
    }

    @Test
    void out_of_order_attempts_inside_the_window_count_and_too_late_ones_do_not() {
        record(CallOutcome.CONNECTED, T0.plus(Duration.ofMinutes(40)), OptimizerPolicy.DEFAULT);
        record(CallOutcome.FAILED, T0.plus(Duration.ofMinutes(20)), OptimizerPolicy.DEFAULT);
        record(CallOutcome.FAILED, T0, OptimizerPolicy.DEFAULT);

        assertThat(state.metrics()).isEqualTo(new Metrics(2, 1, 1, 1));
        assertThat(state.hourlyConnectRates()[18]).isEqualTo(1.0 / 3);
    }

    @Test
    void state_survives_its_binary_form() {
        state.started(tenant, new CallingWindow(9, 17, null), new Pacing(2.5, 10), new Pacing(5, 20));
        for (int i = 0; i < 120; i++) {
            var attempt = Attempt.of(Calls.outcome(tenant, campaign, i < 40 || i % 3 == 0 ? CallOutcome.FAILED
                    : CallOutcome.CONNECTED, true, 12), T0.plusSeconds(i));
            state.record(attempt, tenant, OptimizerPolicy.DEFAULT);
            RuleBook.evaluate(state, attempt, OptimizerPolicy.DEFAULT, HourlyConnects::new,
                    CallingHoursCeiling.FEDERAL);
        }

        var copy = CampaignState.fromBytes(state.toBytes());

        assertThat(copy.metrics()).isEqualTo(state.metrics());
        assertThat(copy.tenantId()).isEqualTo(tenant);
        assertThat(copy.isPaused()).isEqualTo(state.isPaused()).isTrue();
        assertThat(copy.episode(Rule.STOP_LOSS)).isEqualTo(1);
        assertThat(copy.callingWindow).isEqualTo(state.callingWindow);
        assertThat(copy.pacing).isEqualTo(new Pacing(2.5, 10));
        assertThat(copy.limits).isEqualTo(new Pacing(5, 20));
        assertThat(copy.streamTime()).isEqualTo(state.streamTime());
        assertThat(copy.hourlyConnectRates()).isEqualTo(state.hourlyConnectRates());
        assertThat(copy.poorCalls(50)).isEqualTo(state.poorCalls(50));
        assertThat(copy.charts[Rule.SCRIPT_CHANGE.ordinal()].statistic)
                .isEqualTo(state.charts[Rule.SCRIPT_CHANGE.ordinal()].statistic);
        assertThat(copy.toBytes()).isEqualTo(state.toBytes());
    }

    @Test
    void a_watched_action_survives_the_binary_form_with_both_baselines() {
        var policy = new OptimizerPolicy(OptimizerPolicy.DEFAULT.windowSize(), OptimizerPolicy.DEFAULT.windowDuration(),
                OptimizerPolicy.DEFAULT.hysteresis(), OptimizerPolicy.DEFAULT.scaleFactor(),
                OptimizerPolicy.DEFAULT.retimeHours(), OptimizerPolicy.DEFAULT.stopLoss(),
                OptimizerPolicy.DEFAULT.retime(), OptimizerPolicy.DEFAULT.scriptChange(),
                new com.revos.voice.optimizer.policy.model.RulePolicy(0.30, 50, java.time.Duration.ofMinutes(10),
                        com.revos.voice.optimizer.policy.model.Mode.AUTOMATIC, 0.05, 0.10));
        state.started(tenant, new CallingWindow(9, 17, null), new Pacing(4, 10), new Pacing(5, 12));
        for (int i = 0; i < 60; i++) {
            var call = i % 10 == 0 ? Calls.abandoned(tenant, campaign)
                    : Calls.outcome(tenant, campaign, CallOutcome.CONNECTED, true, 12);
            var attempt = Attempt.of(call, T0.plusSeconds(i));
            state.record(attempt, tenant, policy);
            RuleBook.evaluate(state, attempt, policy, HourlyConnects::new, CallingHoursCeiling.FEDERAL);
        }
        assertThat(state.guarding()).isTrue();

        var copy = CampaignState.fromBytes(state.toBytes());

        assertThat(copy.metrics().abandoned()).isEqualTo(state.metrics().abandoned()).isPositive();
        assertThat(copy.guardAbandonBaseline).isEqualTo(state.guardAbandonBaseline).isLessThan(0.5);
        assertThat(copy.guardAbandonCharts.statistic).isEqualTo(state.guardAbandonCharts.statistic);
        assertThat(copy.toBytes()).isEqualTo(state.toBytes());
    }
}
