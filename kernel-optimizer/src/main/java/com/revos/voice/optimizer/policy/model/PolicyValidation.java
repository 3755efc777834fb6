package com.revos.voice.optimizer.policy.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The bounds a policy must keep; an empty list means valid. */
public final class PolicyValidation {

    static final int MAX_WINDOW_SIZE = 10_000;
    static final Duration MAX_WINDOW_DURATION = Duration.ofHours(24);
    static final Duration MAX_COOLDOWN = Duration.ofDays(7);
    static final double MIN_ERROR_RATE = 1e-6;
    static final double MAX_ERROR_RATE = 0.2;

    private PolicyValidation() {
    }

    public static List<PolicyViolation> violations(OptimizerPolicy policy) {
        var errors = new ArrayList<PolicyViolation>();
        if (policy.windowSize() < 1 || policy.windowSize() > MAX_WINDOW_SIZE) {
            errors.add(new PolicyViolation("window_size", "must be between 1 and " + MAX_WINDOW_SIZE));
        }
        if (policy.windowDuration().toSeconds() < 60 || policy.windowDuration().compareTo(MAX_WINDOW_DURATION) > 0) {
            errors.add(new PolicyViolation("window_minutes", "must be between 1 and 1440"));
        }
        rate(errors, "hysteresis", policy.hysteresis());
        if (!(policy.scaleFactor() > 1.0 && policy.scaleFactor() <= 10.0)) {
            errors.add(new PolicyViolation("scale_factor", "must be greater than 1 and at most 10"));
        }
        if (policy.retimeHours() < 1 || policy.retimeHours() > 24) {
            errors.add(new PolicyViolation("retime_hours", "must be between 1 and 24"));
        }
        for (var rule : Rule.values()) {
            var settings = policy.of(rule);
            var prefix = rule.wireName() + ".";
            if (!(settings.threshold() > 0.0 && settings.threshold() < 1.0)) {
                errors.add(new PolicyViolation(prefix + "threshold",
                        "must be a rate greater than 0 and less than 1 (a test needs room on both sides)"));
            }
            if (!(settings.errorRate() >= MIN_ERROR_RATE && settings.errorRate() <= MAX_ERROR_RATE)) {
                errors.add(new PolicyViolation(prefix + "error_rate",
                        "must be between 0.000001 and 0.2 (the chance of a false decision within 10,000 calls)"));
            }
            if (!(settings.minimumEffect() > 0.0 && settings.minimumEffect() < 1.0)) {
                errors.add(new PolicyViolation(prefix + "minimum_effect",
                        "must be a rate difference greater than 0 and less than 1"));
            }
            if (settings.minimumSample() < 1 || settings.minimumSample() > policy.windowSize()) {
                errors.add(new PolicyViolation(prefix + "minimum_sample", "must be between 1 and window_size"));
            }
            if (settings.cooldown().isNegative() || settings.cooldown().compareTo(MAX_COOLDOWN) > 0) {
                errors.add(new PolicyViolation(prefix + "cooldown_seconds", "must be between 0 and 604800"));
            }
        }
        if (policy.scriptChange().mode() == Mode.AUTOMATIC) {
            errors.add(new PolicyViolation("script_change.mode",
                    "must be recommend: a script change is always a recommendation for people"));
        }
        return errors;
    }

    private static void rate(List<PolicyViolation> errors, String field, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            errors.add(new PolicyViolation(field, "must be a rate between 0 and 1"));
        }
    }
}
