package com.revos.voice.optimizer.policy.model;

import java.time.Duration;

/**
 * The settings of one rule.
 *
 * @param threshold the rate the rule compares its metric with
 * @param minimumSample the least number of observations (the metric's denominator) before the rule may fire
 * @param cooldown the least time between two decisions of the rule for one campaign
 * @param mode automatic (command) or recommend-only
 */
public record RulePolicy(double threshold, int minimumSample, Duration cooldown, Mode mode) {
}
