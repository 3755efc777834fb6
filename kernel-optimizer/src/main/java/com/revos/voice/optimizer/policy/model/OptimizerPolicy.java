package com.revos.voice.optimizer.policy.model;

import java.time.Duration;

/**
 * A tenant's optimizer policy. The window holds the most recent {@code windowSize} attempts that are at most
 * {@code windowDuration} old; {@code hysteresis} is how far a metric must come back past the threshold before the
 * rule may fire again, so one lasting condition gives one decision.
 */
public record OptimizerPolicy(int windowSize, Duration windowDuration, double hysteresis, double scaleFactor,
                              RulePolicy stopLoss, RulePolicy retime, RulePolicy scriptChange, RulePolicy scaleUp) {

    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    /** The seed's thresholds (design.md section 5). */
    public static final OptimizerPolicy DEFAULT = new OptimizerPolicy(200, Duration.ofMinutes(30), 0.05, 1.5,
            new RulePolicy(0.30, 50, TEN_MINUTES, Mode.AUTOMATIC),
            new RulePolicy(0.20, 50, TEN_MINUTES, Mode.AUTOMATIC),
            new RulePolicy(0.15, 50, TEN_MINUTES, Mode.RECOMMEND),
            new RulePolicy(0.30, 50, TEN_MINUTES, Mode.RECOMMEND));

    public RulePolicy of(Rule rule) {
        return switch (rule) {
            case STOP_LOSS -> stopLoss;
            case RETIME -> retime;
            case SCRIPT_CHANGE -> scriptChange;
            case SCALE_UP -> scaleUp;
        };
    }
}
