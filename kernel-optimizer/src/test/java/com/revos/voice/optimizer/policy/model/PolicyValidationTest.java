package com.revos.voice.optimizer.policy.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PolicyValidationTest {

    @Test
    void the_defaults_are_the_seeds_thresholds_and_valid() {
        var policy = OptimizerPolicy.DEFAULT;

        assertThat(PolicyValidation.violations(policy)).isEmpty();
        assertThat(policy.stopLoss().threshold()).isEqualTo(0.30);
        assertThat(policy.retime().threshold()).isEqualTo(0.20);
        assertThat(policy.scriptChange().threshold()).isEqualTo(0.15);
        assertThat(policy.scaleUp().threshold()).isEqualTo(0.30);
    }

    @Test
    void rates_outside_zero_to_one_and_other_bounds_are_named_by_field() {
        var bad = new OptimizerPolicy(0, Duration.ofSeconds(10), 1.5, 1.0, 0,
                new RulePolicy(1.2, 50, Duration.ofMinutes(10), Mode.AUTOMATIC, 0.0, 0.1),
                new RulePolicy(-0.1, 50, Duration.ofSeconds(-1), Mode.AUTOMATIC, 0.01, 0.0),
                new RulePolicy(0.15, 0, Duration.ofMinutes(10), Mode.AUTOMATIC, 0.5, 0.05),
                new RulePolicy(0.3, 50, Duration.ofMinutes(10), Mode.RECOMMEND, 0.05, 1.0));

        assertThat(PolicyValidation.violations(bad)).extracting(PolicyViolation::field).containsExactlyInAnyOrder(
                "window_size", "window_minutes", "hysteresis", "scale_factor", "stop_loss.threshold",
                "stop_loss.minimum_sample", "retime.threshold", "retime.minimum_sample", "retime.cooldown_seconds",
                "script_change.minimum_sample", "scale_up.minimum_sample", "script_change.mode", "retime_hours",
                "stop_loss.error_rate", "retime.minimum_effect", "script_change.error_rate",
                "scale_up.minimum_effect");
    }
}
