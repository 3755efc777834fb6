package com.revos.voice.simulator.calls.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class OutcomeDrawerTest {

    static final SimulationSettings DEFAULTS = new SimulationSettings(300, 0.6, 0.08, 0.15, 0.02, 0.35, 20, 120,
            0.0, 0.0, 1.0);

    @Test
    void failure_rate_one_fails_every_call_whatever_the_other_rates() {
        SimulationSettings failing = with(DEFAULTS, 1.0);
        OutcomeDrawer drawer = new OutcomeDrawer(7L);

        assertThat(IntStream.range(0, 500).mapToObj(i -> drawer.draw(failing, null).outcome()))
                .containsOnly(CallOutcome.FAILED);
    }

    @Test
    void the_same_seed_draws_the_same_calls() {
        OutcomeDrawer first = new OutcomeDrawer(42L);
        OutcomeDrawer second = new OutcomeDrawer(42L);

        List<CallPlan> a = IntStream.range(0, 200).mapToObj(i -> first.draw(DEFAULTS, null)).toList();
        List<CallPlan> b = IntStream.range(0, 200).mapToObj(i -> second.draw(DEFAULTS, null)).toList();

        assertThat(a).isEqualTo(b);
    }

    @Test
    void outcomes_follow_the_rates_and_no_answer_takes_the_remainder() {
        OutcomeDrawer drawer = new OutcomeDrawer(1L);
        Map<CallOutcome, Integer> counts = new EnumMap<>(CallOutcome.class);
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            counts.merge(drawer.draw(DEFAULTS, null).outcome(), 1, Integer::sum);
        }

        assertThat(counts.get(CallOutcome.CONNECTED) / (double) n).isCloseTo(0.60, within());
        assertThat(counts.get(CallOutcome.VOICEMAIL) / (double) n).isCloseTo(0.15, within());
        assertThat(counts.get(CallOutcome.BUSY) / (double) n).isCloseTo(0.08, within());
        assertThat(counts.get(CallOutcome.FAILED) / (double) n).isCloseTo(0.02, within());
        assertThat(counts.get(CallOutcome.NO_ANSWER) / (double) n).isCloseTo(0.15, within());
    }

    @Test
    void connected_calls_last_within_the_range_and_score_by_qualification() {
        OutcomeDrawer drawer = new OutcomeDrawer(3L);
        SimulationSettings answered = new SimulationSettings(0, 1.0, 0, 0, 0, 0.5, 30, 40, 0, 0, 1.0);

        for (int i = 0; i < 500; i++) {
            CallPlan plan = drawer.draw(answered, null);
            assertThat(plan.outcome()).isEqualTo(CallOutcome.CONNECTED);
            assertThat(plan.talkSecs()).isBetween(30, 40);
            if (plan.qualified()) {
                assertThat(plan.qualificationScore()).isBetween(0.6, 1.0);
            } else {
                assertThat(plan.qualificationScore()).isBetween(0.0, 0.5);
            }
        }
    }

    @Test
    void no_answer_rings_for_the_requested_timeout() {
        SimulationSettings nobodyHome = new SimulationSettings(0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1.0);

        assertThat(new OutcomeDrawer(5L).draw(nobodyHome, 45)).isEqualTo(new CallPlan(CallOutcome.NO_ANSWER, 45, 0,
                false, 0.0));
    }

    @Test
    void admission_injects_rate_limits_and_server_errors() {
        OutcomeDrawer drawer = new OutcomeDrawer(9L);
        SimulationSettings limited = new SimulationSettings(0, 1, 0, 0, 0, 0, 1, 1, 0, 1.0, 1.0);
        SimulationSettings broken = new SimulationSettings(0, 1, 0, 0, 0, 0, 1, 1, 1.0, 0, 1.0);

        assertThat(drawer.admit(limited, 0)).isEqualTo(Admission.RATE_LIMITED);
        assertThat(drawer.admit(broken, 0)).isEqualTo(Admission.SERVER_ERROR);
        assertThat(drawer.admit(DEFAULTS, 0)).isEqualTo(Admission.ACCEPTED);
    }

    @Test
    void an_account_refusal_wins_over_everything_and_a_full_account_over_the_random_draws() {
        OutcomeDrawer drawer = new OutcomeDrawer(9L);
        SimulationSettings refused = new SimulationSettings(0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1.0, 1,
                AccountError.QUOTA_EXCEEDED);
        SimulationSettings twoAtOnce = new SimulationSettings(0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1.0, 2,
                AccountError.NONE);

        assertThat(drawer.admit(refused, 0)).isEqualTo(Admission.QUOTA_EXCEEDED);
        assertThat(drawer.admit(twoAtOnce, 1)).isEqualTo(Admission.ACCEPTED);
        assertThat(drawer.admit(twoAtOnce, 2)).isEqualTo(Admission.CONCURRENCY_FULL);
    }

    @Test
    void settings_reject_rates_outside_zero_to_one_and_inverted_durations() {
        SimulationSettings bad = new SimulationSettings(-1, 1.5, 0, 0, 0, 0, 10, 5, 0, 0, 1.0);

        assertThat(bad.violations()).hasSize(3);
        assertThat(DEFAULTS.violations()).isEmpty();
    }

    private static SimulationSettings with(SimulationSettings s, double failureRate) {
        return new SimulationSettings(s.apiLatencyMs(), s.answerRate(), s.busyRate(), s.voicemailRate(), failureRate,
                s.qualificationRate(), s.minDurationSecs(), s.maxDurationSecs(), s.outboundErrorRate(),
                s.outbound429Rate(), s.timeScale());
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.015);
    }
}
