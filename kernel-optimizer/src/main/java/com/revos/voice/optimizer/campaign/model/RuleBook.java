package com.revos.voice.optimizer.campaign.model;

import com.revos.voice.events.Pacing;
import com.revos.voice.optimizer.campaign.model.SequentialTest.Direction;
import com.revos.voice.optimizer.policy.model.Mode;
import com.revos.voice.optimizer.policy.model.OptimizerPolicy;
import com.revos.voice.optimizer.policy.model.Rule;
import com.revos.voice.optimizer.policy.model.RulePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The four rules of design.md section 5, decided on evidence (ADR 0012). Each rule keeps a sequential test of its
 * rate against the tenant's threshold; it fires when the test crosses its bound, the rule's minimum sample is
 * reached, it is armed and its cooldown has passed. Firing restarts the test and disarms the rule; it re-arms once
 * the window's metric is back past the threshold by the hysteresis margin, so one lasting condition gives one
 * decision. An automatic scale or retime is then watched and rolled back when the failure or the abandonment rate
 * gets significantly worse than it was.
 */
public final class RuleBook {

    static final int EVIDENCE_CALLS = 20;
    /** How many outcomes after an automatic scale or retime are watched for harm. */
    static final int GUARD_CALLS = 1_000;

    private static final Map<RuleKey, SequentialTest> TESTS = new ConcurrentHashMap<>();
    /** The tests of the policy last used on this thread: a policy instance is reused for many events. */
    private static final ThreadLocal<PolicyTests> LAST = new ThreadLocal<>();

    private RuleBook() {
    }

    /**
     * Adds the attempt just recorded to every rule's test and evaluates the rules; updates their firing state.
     *
     * @param tenantHours the hourly connects of the tenant's other campaigns, the retime prior; asked for only when
     *                    a retime is planned
     */
    public static List<Decision> evaluate(CampaignState state, Attempt attempt, OptimizerPolicy policy,
                                          Supplier<HourlyConnects> tenantHours, CallingHoursCeiling ceiling) {
        var tenant = state.tenantId();
        if (state.ended || tenant == null || state.streamTime == CampaignState.NEVER) {
            return List.of();
        }
        var tests = tests(policy);
        for (var rule : Rule.values()) {
            if (rule != Rule.SCRIPT_CHANGE || attempt.connected()) {
                tests[rule.ordinal()].observe(state.charts[rule.ordinal()], event(rule, attempt));
            }
        }
        var decisions = new ArrayList<Decision>(1);
        guard(state, tenant, attempt, policy, decisions);
        var metrics = state.metrics();
        for (var rule : Rule.values()) {
            var settings = policy.of(rule);
            var i = rule.ordinal();
            var test = tests[i];
            var charts = state.charts[i];
            if (!state.armed[i]) {
                state.armed[i] = recovered(rule, value(rule, metrics), settings.threshold(), policy.hysteresis());
                if (!state.armed[i]) {
                    continue;
                }
            }
            if (charts.observed < settings.minimumSample() || !test.crossed(charts)
                    || coolingDown(state, i, settings.cooldown().toMillis()) || blocked(rule, state)) {
                continue;
            }
            var evidence = test.evidence(charts);
            charts.reset();
            state.armed[i] = false;
            state.episodes[i]++;
            state.lastFired[i] = state.streamTime;
            var action = action(rule, state, policy, tenantHours, ceiling);
            if (action instanceof Action.Pause) {
                // the pause is on its way: treat the campaign as paused from now on
                state.paused = true;
                state.endGuard();
            }
            var id = DecisionIds.decision(state.campaignId(), rule, state.episodes[i]);
            if (action instanceof Action.Scale || action instanceof Action.Retime) {
                watch(state, rule, id, action, metrics);
            }
            decisions.add(new Decision(id, tenant, state.campaignId(), rule, state.episodes[i],
                    evidence.estimate(), settings.threshold(), metrics, action, evidence,
                    Explanations.of(rule, action, evidence), state.streamTime()));
        }
        return decisions;
    }

    private static SequentialTest[] tests(OptimizerPolicy policy) {
        var last = LAST.get();
        if (last != null && last.policy() == policy) {
            return last.tests();
        }
        var tests = new SequentialTest[Rule.values().length];
        for (var rule : Rule.values()) {
            tests[rule.ordinal()] = test(rule, policy.of(rule));
        }
        LAST.set(new PolicyTests(policy, tests));
        return tests;
    }

    private record PolicyTests(OptimizerPolicy policy, SequentialTest[] tests) {
    }

    /** The rule's test for these settings; policies change rarely, so the tests are shared. */
    static SequentialTest test(Rule rule, RulePolicy settings) {
        return TESTS.computeIfAbsent(new RuleKey(rule, settings.threshold(), settings.minimumEffect(),
                settings.errorRate()), key -> {
                    if (TESTS.size() > 10_000) {
                        TESTS.clear();
                    }
                    return new SequentialTest(direction(rule), key.threshold(), key.minimumEffect(),
                            key.errorRate());
                });
    }

    static Direction direction(Rule rule) {
        return switch (rule) {
            case STOP_LOSS, SCALE_UP -> Direction.ABOVE;
            case RETIME, SCRIPT_CHANGE -> Direction.BELOW;
        };
    }

    /** What counts as the event of each rule's Bernoulli stream. */
    private static boolean event(Rule rule, Attempt attempt) {
        return switch (rule) {
            case STOP_LOSS -> attempt.failed();
            case RETIME -> attempt.connected();
            case SCRIPT_CHANGE, SCALE_UP -> attempt.qualified();
        };
    }

    static double value(Rule rule, Metrics metrics) {
        return switch (rule) {
            case STOP_LOSS -> metrics.failureRate();
            case RETIME -> metrics.connectRate();
            case SCRIPT_CHANGE -> metrics.qualificationRate();
            case SCALE_UP -> metrics.efficiency();
        };
    }

    private static boolean recovered(Rule rule, double value, double threshold, double hysteresis) {
        return switch (rule) {
            case STOP_LOSS, SCALE_UP -> value <= threshold - hysteresis;
            case RETIME, SCRIPT_CHANGE -> value >= threshold + hysteresis;
        };
    }

    private static boolean coolingDown(CampaignState state, int rule, long cooldownMillis) {
        return state.lastFired[rule] != CampaignState.NEVER && state.streamTime - state.lastFired[rule] < cooldownMillis;
    }

    /**
     * A paused campaign gets no further pause, and no other command either: retiming or scaling a campaign that
     * stopped dialing would act on rates that no longer move. Advice for people (script changes) still flows. While
     * an automatic action is watched, no second one starts: its effect would be mixed up with the first.
     */
    private static boolean blocked(Rule rule, CampaignState state) {
        if (state.paused) {
            return rule != Rule.SCRIPT_CHANGE;
        }
        return state.guarding() && (rule == Rule.RETIME || rule == Rule.SCALE_UP);
    }

    private static Action action(Rule rule, CampaignState state, OptimizerPolicy policy,
                                 Supplier<HourlyConnects> tenantHours, CallingHoursCeiling ceiling) {
        var settings = policy.of(rule);
        var automatic = settings.mode() == Mode.AUTOMATIC;
        return switch (rule) {
            case STOP_LOSS -> automatic ? new Action.Pause() : new Action.RecommendOnly(new Action.Pause());
            case RETIME -> {
                var plan = RetimePlanner.plan(state.hourly, tenantHours.get(), state.callingWindow,
                        ceiling, policy.retimeHours(), settings.minimumEffect(), settings.errorRate());
                yield automatic && plan.decisive() ? plan.retime() : new Action.RecommendOnly(plan.retime());
            }
            case SCRIPT_CHANGE -> new Action.ScriptChange(state.poorCalls(EVIDENCE_CALLS));
            case SCALE_UP -> scale(state, policy, automatic);
        };
    }

    /** Scales by the policy's factor, never past the tenant's limits; at the limits it only recommends. */
    private static Action scale(CampaignState state, OptimizerPolicy policy, boolean automatic) {
        if (state.pacing == null) {
            return new Action.ScaleUp(null);
        }
        var factor = policy.scaleFactor();
        var wanted = new Pacing(state.pacing.callsPerSecond() * factor,
                (int) Math.ceil(state.pacing.maxConcurrent() * factor));
        var capped = state.limits == null ? wanted : new Pacing(
                Math.min(wanted.callsPerSecond(), state.limits.callsPerSecond()),
                Math.min(wanted.maxConcurrent(), state.limits.maxConcurrent()));
        var headroom = capped.callsPerSecond() > state.pacing.callsPerSecond()
                || capped.maxConcurrent() > state.pacing.maxConcurrent();
        if (automatic && state.limits != null && headroom) {
            return new Action.Scale(state.pacing, capped);
        }
        return new Action.ScaleUp(capped);
    }

    /**
     * Starts watching an automatic action: the failure rate before it (the window's, smoothed so that a clean
     * window still leaves room) is the baseline its outcomes are tested against.
     */
    private static void watch(CampaignState state, Rule rule, UUID decisionId, Action action,
                              Metrics before) {
        state.endGuard();
        state.guardRule = rule.ordinal();
        state.guardDecision = decisionId;
        state.guardEpisode = state.episodes[rule.ordinal()];
        state.guardBaseline = Math.min(0.9, (before.failed() + 1.0) / (before.attempted() + 2.0));
        state.guardAbandonBaseline = Math.min(0.9, (before.abandoned() + 1.0) / (before.connected() + 2.0));
        switch (action) {
            case Action.Scale scale -> state.guardPacing = scale.from();
            case Action.Retime retime -> state.guardWindow = retime.from();
            default -> throw new IllegalArgumentException("not a guarded action: " + action.name());
        }
    }

    /**
     * Tests the watched action's outcomes against its baselines: failures per attempt and abandoned calls per
     * connected call (issue 17 item 4, the dialer's definition of abandoned); rolls it back when either got
     * significantly worse, with the evidence of the one that did.
     */
    private static void guard(CampaignState state, UUID tenant, Attempt attempt, OptimizerPolicy policy,
                              List<Decision> decisions) {
        if (!state.guarding()) {
            return;
        }
        var settings = policy.stopLoss();
        var failures = new SequentialTest(Direction.ABOVE, state.guardBaseline, settings.minimumEffect(),
                settings.errorRate());
        failures.observe(state.guardCharts, attempt.failed());
        var abandonment = new SequentialTest(Direction.ABOVE, state.guardAbandonBaseline, settings.minimumEffect(),
                settings.errorRate());
        if (attempt.connected()) {
            abandonment.observe(state.guardAbandonCharts, attempt.abandoned());
        }
        state.guardCalls++;
        var worseFailures = failures.crossed(state.guardCharts);
        if (!worseFailures && !abandonment.crossed(state.guardAbandonCharts)) {
            if (state.guardCalls >= GUARD_CALLS) {
                state.endGuard();
            }
            return;
        }
        var rule = Rule.values()[state.guardRule];
        var evidence = worseFailures ? failures.evidence(state.guardCharts)
                : abandonment.evidence(state.guardAbandonCharts);
        var reverted = Objects.requireNonNull(state.guardDecision, "a watched action names its decision");
        var action = new Action.Rollback(reverted, rule == Rule.RETIME ? "retime" : "scale",
                state.guardWindow, state.guardPacing,
                worseFailures ? Action.Rollback.FAILURES : Action.Rollback.ABANDONMENT);
        decisions.add(new Decision(DecisionIds.rollback(reverted), tenant, state.campaignId(),
                rule, -state.guardEpisode, evidence.estimate(), evidence.threshold(), state.metrics(), action,
                evidence, Explanations.of(rule, action, evidence), state.streamTime()));
        if (state.guardWindow != null) {
            state.callingWindow = state.guardWindow;
        }
        if (state.guardPacing != null) {
            state.pacing = state.guardPacing;
        }
        state.endGuard();
    }

    private record RuleKey(Rule rule, double threshold, double minimumEffect, double errorRate) {
    }

    /** The sentences decisions carry. */
    static final class Explanations {

        private Explanations() {
        }

        static String of(Rule rule, Action action, Evidence e) {
            var confidence = percent(1 - e.errorRate());
            var evidence = String.format(Locale.ROOT, "%d of the last %d %s; %s times likelier at %s than at %s "
                            + "(bound %s, error rate %s per %,d calls)", e.events(), e.sample(), noun(rule),
                    ratio(e.statistic()), percent(e.alternative()), percent(e.threshold()), ratio(e.bound()),
                    percent(e.errorRate()), SequentialTest.HORIZON_CALLS);
            return switch (action) {
                case Action.Rollback rollback -> String.format(Locale.ROOT,
                        "rolled back the %s: %s >= %s with %s confidence after %d %s, worse than %s before it; %s",
                        rollback.reverted(), rollback.worse(), percent(e.confidenceBound()), confidence, e.sample(),
                        rollback.worse().equals(Action.Rollback.ABANDONMENT) ? "connected calls" : "calls",
                        percent(e.threshold()), rollbackEvidence(rollback, e));
                case Action.RecommendOnly only -> "recommended only: " + sentence(rule, only.wouldDo(), false, e,
                        confidence) + "; " + evidence;
                default -> sentence(rule, action, true, e, confidence) + "; " + evidence;
            };
        }

        private static String rollbackEvidence(Action.Rollback rollback, Evidence e) {
            return String.format(Locale.ROOT, "%d of the last %d %s; %s times likelier at %s than at %s (bound %s, "
                            + "error rate %s per %,d calls)", e.events(), e.sample(),
                    rollback.worse().equals(Action.Rollback.ABANDONMENT) ? "connected calls were abandoned"
                            : "calls failed", ratio(e.statistic()), percent(e.alternative()), percent(e.threshold()),
                    ratio(e.bound()), percent(e.errorRate()), SequentialTest.HORIZON_CALLS);
        }

        private static String sentence(Rule rule, Action action, boolean acted, Evidence e, String confidence) {
            var bound = percent(e.confidenceBound());
            var threshold = percent(e.threshold());
            return switch (rule) {
                case STOP_LOSS -> String.format(Locale.ROOT, "%s: failure rate >= %s with %s confidence after %d "
                        + "calls; threshold %s", acted ? "paused" : "pause",
                        bound, confidence, e.sample(), threshold);
                case RETIME -> retime(action, e, confidence);
                case SCRIPT_CHANGE -> String.format(Locale.ROOT, "script change: qualification among connected "
                        + "calls <= %s with %s confidence after %d connected calls; threshold %s", bound, confidence,
                        e.sample(), threshold);
                case SCALE_UP -> String.format(Locale.ROOT, "%s: qualified per attempt >= %s with %s confidence "
                        + "after %d calls; threshold %s", acted && action instanceof Action.Scale ? "scaled up"
                        : "scale up", bound, confidence, e.sample(), threshold);
            };
        }

        private static String retime(Action action, Evidence e, String confidence) {
            var low = String.format(Locale.ROOT, "connect rate <= %s with %s confidence after %d calls; threshold "
                    + "%s", percent(e.confidenceBound()), confidence, e.sample(), percent(e.threshold()));
            if (!(action instanceof Action.Retime retime)) {
                return low;
            }
            var moves = retime.to().startHour() != retime.from().startHour()
                    || retime.to().endHour() != retime.from().endHour();
            if (!moves) {
                return String.format(Locale.ROOT, "%s; no window inside legal hours connects better than %02d-%02d",
                        low, retime.from().startHour(), retime.from().endHour());
            }
            return String.format(Locale.ROOT, "%s; calling hours %02d-%02d -> %02d-%02d local time, expected "
                            + "connect rate %s instead of %s (gain >= %s at that confidence)", low,
                    retime.from().startHour(), retime.from().endHour(), retime.to().startHour(), retime.to().endHour(),
                    percent(retime.expectedRate()), percent(retime.currentRate()),
                    percent(retime.gainLowerBound()));
        }

        private static String noun(Rule rule) {
            return switch (rule) {
                case STOP_LOSS -> "calls failed";
                case RETIME -> "calls connected";
                case SCRIPT_CHANGE -> "connected calls qualified";
                case SCALE_UP -> "calls qualified";
            };
        }

        static String percent(double rate) {
            var text = String.format(Locale.ROOT, "%.1f", rate * 100);
            return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text) + " %";
        }

        private static String ratio(double logRatio) {
            var ratio = Math.exp(logRatio);
            return ratio < 1e4 ? String.format(Locale.ROOT, "%,.0f", ratio) : String.format(Locale.ROOT, "%.1e", ratio);
        }
    }
}
