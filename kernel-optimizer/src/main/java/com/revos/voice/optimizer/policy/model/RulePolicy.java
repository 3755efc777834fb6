package com.revos.voice.optimizer.policy.model;

import java.time.Duration;

/**
 * The settings of one rule (ADR 0012).
 *
 * @param threshold the rate the rule compares its metric with
 * @param minimumSample the least number of observations since the rule's test last restarted before it may fire
 * @param cooldown the least time between two decisions of the rule for one campaign
 * @param mode automatic (command) or recommend-only
 * @param errorRate the chance that a campaign whose true rate stays on the safe side of the threshold gets a decision
 *                  of this rule within 10,000 calls (the sequential test's bound is set from it)
 * @param minimumEffect how far past the threshold a rate must be for the rule to be tuned to find it (the nearest
 *                      alternative of the test); for retime also the least gain in connect rate worth a move
 */
public record RulePolicy(double threshold, int minimumSample, Duration cooldown, Mode mode, double errorRate,
                         double minimumEffect) {
}
