package com.revos.voice.optimizer.policy.model;

import java.time.Duration;

/**
 * A tenant's optimizer policy. The window holds the most recent {@code windowSize} attempts that are at most
 * {@code windowDuration} old: the snapshot each decision records, the baseline a guarded action is watched against,
 * and the calls a script change names. The rules themselves decide on sequential tests over the outcome stream
 * (ADR 0012). {@code hysteresis} is how far the window's metric must come back past the threshold before a rule may
 * fire again, so one lasting condition gives one decision; {@code retimeHours} is the longest window a retime picks.
 */
public record OptimizerPolicy(int windowSize, Duration windowDuration, double hysteresis, double scaleFactor,
                              int retimeHours, RulePolicy stopLoss, RulePolicy retime, RulePolicy scriptChange,
                              RulePolicy scaleUp) {

    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    /** The seed's thresholds (design.md section 5), decided at the stated error rates. */
    public static final OptimizerPolicy DEFAULT = new OptimizerPolicy(200, Duration.ofMinutes(30), 0.05, 1.5, 6,
            new RulePolicy(0.30, 5, TEN_MINUTES, Mode.AUTOMATIC, 0.01, 0.10),
            new RulePolicy(0.20, 50, TEN_MINUTES, Mode.AUTOMATIC, 0.01, 0.05),
            new RulePolicy(0.15, 50, TEN_MINUTES, Mode.RECOMMEND, 0.05, 0.05),
            new RulePolicy(0.30, 50, TEN_MINUTES, Mode.RECOMMEND, 0.05, 0.10));

    public RulePolicy of(Rule rule) {
        return switch (rule) {
            case STOP_LOSS -> stopLoss;
            case RETIME -> retime;
            case SCRIPT_CHANGE -> scriptChange;
            case SCALE_UP -> scaleUp;
        };
    }
}
