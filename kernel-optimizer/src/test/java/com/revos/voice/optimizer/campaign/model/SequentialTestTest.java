package com.revos.voice.optimizer.campaign.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.revos.voice.optimizer.campaign.model.SequentialTest.Direction;
import org.junit.jupiter.api.Test;

class SequentialTestTest {

    @Test
    void the_charts_sit_at_the_minimum_effect_half_way_and_nearly_certain_beyond_the_threshold() {
        assertThat(SequentialTest.alternatives(Direction.ABOVE, 0.30, 0.10))
                .containsExactly(new double[] {0.40, 0.65, 0.965}, within(1e-9));
        assertThat(SequentialTest.alternatives(Direction.BELOW, 0.20, 0.05))
                .containsExactly(new double[] {0.15, 0.10, 0.01}, within(1e-9));
        // a minimum effect past the room left is capped, and duplicates fold
        assertThat(SequentialTest.alternatives(Direction.ABOVE, 0.30, 0.90))
                .containsExactly(new double[] {0.65, 0.965}, within(1e-9));
    }

    @Test
    void the_bound_spends_the_error_rate_over_ten_thousand_calls_and_every_chart() {
        var test = new SequentialTest(Direction.ABOVE, 0.30, 0.10, 0.01);

        assertThat(test.bound()).isCloseTo(Math.log(10_000 * 3 / 0.01), within(1e-12));
    }

    @Test
    void evidence_grows_with_failures_restarts_at_zero_and_names_its_run() {
        var test = new SequentialTest(Direction.ABOVE, 0.30, 0.10, 0.01);
        var charts = new SequentialTest.Charts();
        for (int i = 0; i < 50; i++) {
            test.observe(charts, false);
        }
        assertThat(test.evidence(charts).statistic()).isZero();
        assertThat(test.evidence(charts).sample()).isZero();

        for (int i = 0; i < 12; i++) {
            test.observe(charts, true);
        }
        assertThat(test.crossed(charts)).isFalse();
        test.observe(charts, true);

        assertThat(test.crossed(charts)).isTrue();
        var evidence = test.evidence(charts);
        assertThat(evidence.sample()).isEqualTo(13);
        assertThat(evidence.events()).isEqualTo(13);
        assertThat(evidence.alternative()).isCloseTo(0.965, within(1e-9));
        assertThat(evidence.confidenceBound()).isBetween(0.30, 1.0);
        assertThat(charts.observed).isEqualTo(63);
    }

    @Test
    void the_confidence_bound_is_on_the_rules_side_of_the_estimate() {
        var above = new SequentialTest(Direction.ABOVE, 0.30, 0.10, 0.01);
        var below = new SequentialTest(Direction.BELOW, 0.20, 0.05, 0.01);

        assertThat(above.confidenceBound(40, 100)).isBetween(0.25, 0.40);
        assertThat(below.confidenceBound(10, 100)).isBetween(0.10, 0.25);
        assertThat(above.confidenceBound(0, 0)).isZero();
    }

    @Test
    void a_threshold_with_no_room_beyond_it_never_decides() {
        var test = new SequentialTest(Direction.BELOW, 0.0, 0.05, 0.01);
        var charts = new SequentialTest.Charts();
        for (int i = 0; i < 1_000; i++) {
            test.observe(charts, false);
        }

        assertThat(test.crossed(charts)).isFalse();
        assertThatThrownBy(() -> test.evidence(charts)).as("nothing to show: it never decides")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_normal_quantile_is_accurate() {
        assertThat(RetimePlanner.Normal.quantile(0.99)).isCloseTo(2.326348, within(1e-5));
        assertThat(RetimePlanner.Normal.quantile(0.5)).isCloseTo(0.0, within(1e-9));
        assertThat(RetimePlanner.Normal.quantile(0.05)).isCloseTo(-1.644854, within(1e-5));
    }
}
