package com.revos.voice.optimizer.campaign.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.events.CallingWindow;
import com.revos.voice.events.Pacing;
import com.revos.voice.optimizer.policy.model.OptimizerPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The evaluation harness of issue 17: simulated campaigns with known truth fed to the real rule code
 * ({@link CampaignState}, {@link RuleBook}, {@link RetimePlanner}) and, in the same run, to the seed's fixed rule
 * (window 200, minimum 50, pause above 30 %, evaluated on every outcome). Seeded, so deterministic; the issue's
 * targets are asserted. Figures go to {@code target/benchmarks/optimizer-evaluation.txt} (docs/benchmarks.md).
 */
class DecisionEvaluationTest {

    private static final long SEED = 17;
    private static final Instant T0 = Instant.parse("2026-11-23T14:00:00Z");
    private static final List<String> REPORT = new ArrayList<>();

    @AfterAll
    static void writeReport() throws IOException {
        Files.createDirectories(Path.of("target/benchmarks"));
        Files.write(Path.of("target/benchmarks/optimizer-evaluation.txt"), REPORT, StandardCharsets.UTF_8);
    }

    private static void note(String line) {
        REPORT.add(line);
        System.out.println(line);
    }

    /** What a simulated call does: fails with the campaign's true failure rate at that call, else connects half the time. */
    interface TrueRate {
        double failureAt(int call);
    }

    /** The seed's stop-loss: the last 200 outcomes, at least 50, failed share above 30 %. */
    static final class SeedRule {
        private final boolean[] ring = new boolean[200];
        private int size;
        private int head;
        private int failed;

        boolean add(boolean fail) {
            if (size == ring.length) {
                failed -= ring[head] ? 1 : 0;
                ring[head] = fail;
                head = (head + 1) % ring.length;
            } else {
                ring[(head + size) % ring.length] = fail;
                size++;
            }
            failed += fail ? 1 : 0;
            return size >= 50 && (double) failed / size > 0.30;
        }
    }

    /** Calls (1-based) until our stop-loss pauses the campaign, or -1 when it never does within {@code calls}. */
    static int ourPauseAt(TrueRate truth, int calls, SplittableRandom random, double callsPerSecond) {
        var tenant = UUID.randomUUID();
        var state = CampaignState.fresh(UUID.randomUUID());
        state.started(tenant, CallingWindow.DEFAULT, new Pacing(callsPerSecond, 50), null);
        var policy = OptimizerPolicy.DEFAULT;
        for (int i = 0; i < calls; i++) {
            var fail = random.nextDouble() < truth.failureAt(i);
            var connected = !fail && random.nextBoolean();
            var attempt = new Attempt(null, T0.plusMillis((long) (i * 1000 / callsPerSecond)), fail, connected,
                    connected && random.nextDouble() < 0.3, 8 + i % 13);
            state.record(attempt, tenant, policy);
            for (var decision : RuleBook.evaluate(state, attempt, policy, HourlyConnects::new,
                    CallingHoursCeiling.FEDERAL)) {
                if (decision.action() instanceof Action.Pause) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    static int seedPauseAt(TrueRate truth, int calls, SplittableRandom random) {
        var rule = new SeedRule();
        for (int i = 0; i < calls; i++) {
            if (rule.add(random.nextDouble() < truth.failureAt(i))) {
                return i + 1;
            }
        }
        return -1;
    }

    @Test
    void an_abrupt_failure_burst_is_paused_within_fifteen_calls() {
        var healthy = 500;
        var campaigns = 1_000;
        var ours = new int[campaigns];
        var seed = new int[campaigns];
        var random = new SplittableRandom(SEED);
        TrueRate burst = call -> call < healthy ? 0.02 : 1.0;
        var earlyOurs = 0;
        var earlySeed = 0;
        for (int c = 0; c < campaigns; c++) {
            var a = ourPauseAt(burst, healthy + 1_000, random.split(), 20);
            var b = seedPauseAt(burst, healthy + 1_000, random.split());
            earlyOurs += a > 0 && a <= healthy ? 1 : 0;
            earlySeed += b > 0 && b <= healthy ? 1 : 0;
            ours[c] = a - healthy;
            seed[c] = b - healthy;
        }
        note(String.format(Locale.ROOT, "abrupt 2 %% -> 100 %% after %d healthy calls, %d campaigns: calls until the "
                + "pause, sequential test median %d / p95 %d / max %d (paused before the burst: %d); seed fixed rule "
                + "median %d / p95 %d / max %d (before the burst: %d)", healthy, campaigns, percentile(ours, 0.5),
                percentile(ours, 0.95), percentile(ours, 1.0), earlyOurs, percentile(seed, 0.5),
                percentile(seed, 0.95), percentile(seed, 1.0), earlySeed));
        assertThat(earlyOurs).isZero();
        assertThat(Arrays.stream(ours).min().orElseThrow()).isPositive();
        assertThat(percentile(ours, 0.5)).isLessThanOrEqualTo(15);
        assertThat(percentile(ours, 0.95)).isLessThanOrEqualTo(15);
    }

    @Test
    void healthy_campaigns_at_a_true_failure_rate_of_25_percent_are_almost_never_paused() {
        var campaigns = 1_000;
        var calls = 2_000;
        var random = new SplittableRandom(SEED + 1);
        var results = new StringBuilder();
        double ourAt25 = 1;
        for (var rate : new double[] {0.20, 0.25, 0.28}) {
            var ours = 0;
            var seed = 0;
            for (int c = 0; c < campaigns; c++) {
                ours += ourPauseAt(call -> rate, calls, random.split(), 20) > 0 ? 1 : 0;
                seed += seedPauseAt(call -> rate, calls, random.split()) > 0 ? 1 : 0;
            }
            if (rate == 0.25) {
                ourAt25 = (double) ours / campaigns;
            }
            results.append(String.format(Locale.ROOT, "; true %.0f %%: sequential test %.1f %% (%d), seed fixed rule "
                    + "%.1f %% (%d)", rate * 100, 100.0 * ours / campaigns, ours, 100.0 * seed / campaigns, seed));
        }
        note(String.format(Locale.ROOT, "healthy campaigns (%d x %d calls, threshold 30 %%) falsely paused%s",
                campaigns, calls, results));
        assertThat(ourAt25).isLessThanOrEqualTo(0.01);
    }

    @Test
    void a_drift_from_20_to_40_percent_over_an_hour_is_paused_and_reported() {
        var campaigns = 200;
        var callsPerSecond = 5.0;
        var hour = (int) (3_600 * callsPerSecond);
        var random = new SplittableRandom(SEED + 2);
        TrueRate drift = call -> call >= hour ? 0.40 : 0.20 + 0.20 * call / hour;
        var crossing = hour / 2;
        var ours = new int[campaigns];
        var seed = new int[campaigns];
        var oursBefore = 0;
        var seedBefore = 0;
        var oursNever = 0;
        for (int c = 0; c < campaigns; c++) {
            ours[c] = ourPauseAt(drift, 2 * hour, random.split(), callsPerSecond);
            seed[c] = seedPauseAt(drift, 2 * hour, random.split());
            oursNever += ours[c] < 0 ? 1 : 0;
            oursBefore += ours[c] > 0 && ours[c] < crossing ? 1 : 0;
            seedBefore += seed[c] > 0 && seed[c] < crossing ? 1 : 0;
        }
        note(String.format(Locale.ROOT, "drift 20 %% -> 40 %% over an hour (%,d calls at %.0f/s, true rate passes "
                        + "30 %% at call %,d), %d campaigns: calls until the pause, sequential test median %,d / p95 "
                        + "%,d (paused while the true rate was under 30 %%: %d; never within two hours: %d); seed fixed "
                        + "rule median %,d / p95 %,d (paused under 30 %%: %d)", hour, callsPerSecond, crossing,
                campaigns, percentile(ours, 0.5), percentile(ours, 0.95), oursBefore, oursNever,
                percentile(seed, 0.5), percentile(seed, 0.95), seedBefore));
        assertThat(oursNever).isZero();
        assertThat(oursBefore).isLessThanOrEqualTo(campaigns / 100);
    }

    /**
     * The running product's burst, as the telephony simulator plays it (its default outcome mix and durations): a
     * campaign dials 20 calls/s; from second 300 every call fails, its report 1-2 s after the dial; calls dialed
     * before keep completing for up to two minutes (connected 22-128 s, no answer 60 s), so the outcome stream the
     * rules see is diluted. Reports seconds from the fault to the decision, and the failed outcomes seen by then. Not
     * a target of the issue (the abrupt test above is); it tells how much of the product's time is the rule's.
     */
    @Test
    void a_burst_diluted_by_calls_in_flight_is_reported_in_seconds() {
        var campaigns = 200;
        var random = new SplittableRandom(SEED + 4);
        var ourSeconds = new int[campaigns];
        var seedSeconds = new int[campaigns];
        var ourFailures = new int[campaigns];
        var seedFailures = new int[campaigns];
        for (int c = 0; c < campaigns; c++) {
            var outcomes = new java.util.TreeMap<Long, Boolean>();
            var rng = random.split();
            for (int call = 0; call < 20 * 400; call++) {
                var dialedMs = call * 50L;
                var fault = dialedMs >= 300_000;
                var u = rng.nextDouble();
                long afterMs;
                boolean failed = false;
                if (fault || u < 0.02) {
                    failed = true;
                    afterMs = 1_000 + rng.nextInt(1_000);
                } else if (u < 0.10) {
                    afterMs = 2_000 + rng.nextInt(4_000);
                } else if (u < 0.25) {
                    afterMs = 2_000 + rng.nextInt(7_000) + 20_000 + rng.nextInt(10_000);
                } else if (u < 0.85) {
                    afterMs = 2_000 + rng.nextInt(7_000) + 20_000 + rng.nextInt(101_000);
                } else {
                    afterMs = 60_000;
                }
                // the report's way through the simulator's API latency; unique keys keep the order total
                outcomes.put((dialedMs + 300 + afterMs) * 10_000 + call, failed);
            }
            var tenant = UUID.randomUUID();
            var state = CampaignState.fresh(UUID.randomUUID());
            state.started(tenant, CallingWindow.DEFAULT, new Pacing(20, 2_000), null);
            var seed = new SeedRule();
            int ours = -1;
            int theirs = -1;
            var failedSeen = 0;
            for (var entry : outcomes.entrySet()) {
                var atMs = entry.getKey() / 10_000;
                var failed = entry.getValue();
                failedSeen += failed && atMs >= 300_000 ? 1 : 0;
                if (theirs < 0 && seed.add(failed) && atMs >= 300_000) {
                    theirs = (int) ((atMs - 300_000) / 1000);
                    seedFailures[c] = failedSeen;
                }
                if (ours < 0) {
                    var attempt = new Attempt(null, T0.plusMillis(atMs), failed, !failed, false, 12);
                    state.record(attempt, tenant, OptimizerPolicy.DEFAULT);
                    var decisions = RuleBook.evaluate(state, attempt, OptimizerPolicy.DEFAULT, HourlyConnects::new,
                            CallingHoursCeiling.FEDERAL);
                    if (decisions.stream().anyMatch(d -> d.action() instanceof Action.Pause)) {
                        ours = (int) ((atMs - 300_000) / 1000);
                        ourFailures[c] = failedSeen;
                    }
                }
                if (ours >= 0 && theirs >= 0) {
                    break;
                }
            }
            ourSeconds[c] = ours;
            seedSeconds[c] = theirs;
        }
        note(String.format(Locale.ROOT, "burst diluted by calls in flight (simulator's mix and durations, 20 calls/s, "
                        + "%d campaigns): seconds from the fault to the decision, sequential test median %d / p95 %d "
                        + "(failed outcomes seen median %d), seed fixed rule median %d / p95 %d (failed outcomes seen "
                        + "median %d); the first failed report arrives 1.3-2.3 s after the fault", campaigns,
                percentile(ourSeconds, 0.5), percentile(ourSeconds, 0.95), percentile(ourFailures, 0.5),
                percentile(seedSeconds, 0.5), percentile(seedSeconds, 0.95), percentile(seedFailures, 0.5)));
        assertThat(Arrays.stream(ourSeconds).min().orElseThrow()).isNotNegative();
    }

    /** Synthetic hour-of-day connect curves: evening, morning, lunch, two peaks, flat; night hours tempt. */
    static double[] curve(int shape, SplittableRandom random) {
        var rates = new double[24];
        var base = 0.10 + 0.10 * random.nextDouble();
        var lift = 0.15 + 0.25 * random.nextDouble();
        var peak = switch (shape) {
            case 0 -> 18.5;
            case 1 -> 9.0;
            case 2 -> 12.5;
            case 3 -> 10.0;
            default -> 14.0;
        };
        for (int h = 0; h < 24; h++) {
            var bump = Math.exp(-Math.pow((h - peak) / 2.0, 2));
            if (shape == 3) {
                bump = Math.max(bump, Math.exp(-Math.pow((h - 19.0) / 1.5, 2)));
            }
            if (shape == 4) {
                bump = 0.2;
            }
            rates[h] = Math.min(0.95, base + lift * bump + 0.02 * random.nextDouble());
        }
        // outside legal hours people answer well, which a model without the ceiling would chase
        rates[21] = rates[22] = rates[23] = 0.9;
        rates[6] = rates[7] = 0.85;
        return rates;
    }

    private static double windowRate(double[] rates, int start, int end) {
        var sum = 0.0;
        for (int h = start; h < end; h++) {
            sum += rates[h];
        }
        return sum / (end - start);
    }

    private static HourlyConnects sample(double[] rates, int start, int end, int callsPerHour,
                                         SplittableRandom random) {
        var hours = new HourlyConnects();
        for (int h = start; h < end; h++) {
            var connects = 0;
            for (int i = 0; i < callsPerHour; i++) {
                connects += random.nextDouble() < rates[h] ? 1 : 0;
            }
            hours.add(h, callsPerHour, connects);
        }
        return hours;
    }

    @Test
    void retime_reaches_ninety_percent_of_the_best_allowed_window_and_never_leaves_the_ceiling() {
        var trials = 2_000;
        var length = OptimizerPolicy.DEFAULT.retimeHours();
        var settings = OptimizerPolicy.DEFAULT.retime();
        var random = new SplittableRandom(SEED + 3);
        var shares = new double[trials];
        var decisive = 0;
        var outside = 0;
        var thinDecisive = 0;
        var blindShiftShares = new double[trials];
        for (int t = 0; t < trials; t++) {
            var rates = curve(t % 5, random);
            var tenantRates = rates.clone();
            for (int h = 0; h < 24; h++) {
                tenantRates[h] = Math.min(0.95, Math.max(0.01, rates[h] + 0.03 * (random.nextDouble() - 0.5)));
            }
            // the campaign dials its whole 08-21 window, 20 calls an hour so far; the tenant's other campaigns
            // dialed 08-21 too, and its single calls some night hours (which the ceiling must ignore)
            var campaign = sample(rates, 8, 21, 20, random);
            var tenant = sample(tenantRates, 8, 21, 100, random);
            var night = sample(tenantRates, 21, 24, 30, random);
            for (int h = 21; h < 24; h++) {
                tenant.add(h, night.attempts(h), night.connects(h));
            }
            var plan = RetimePlanner.plan(campaign, tenant, CallingWindow.DEFAULT, CallingHoursCeiling.FEDERAL,
                    length, settings.minimumEffect(), settings.errorRate());
            var to = plan.retime().to();
            if (!CallingHoursCeiling.FEDERAL.allows(to.startHour(), to.endHour())) {
                outside++;
            }
            decisive += plan.decisive() ? 1 : 0;
            var best = 0.0;
            for (int s = 8; s + length <= 21; s++) {
                best = Math.max(best, windowRate(rates, s, s + length));
            }
            shares[t] = windowRate(rates, to.startHour(), to.endHour()) / best;
            // the first build's fallback: the window moved three hours later, whatever the hours said
            // (its hours inside the ceiling; 21-24 are not allowed at all)
            blindShiftShares[t] = windowRate(rates, 11, 21) / best;

            var thin = sample(rates, 8, 21, 1, random);
            if (RetimePlanner.plan(thin, new HourlyConnects(), CallingWindow.DEFAULT, CallingHoursCeiling.FEDERAL,
                    length, settings.minimumEffect(), settings.errorRate()).decisive()) {
                thinDecisive++;
            }
        }
        var mean = Arrays.stream(shares).average().orElseThrow();
        Arrays.sort(shares);
        note(String.format(Locale.ROOT, "retime on %,d synthetic hour curves (campaign 20 calls/hour over 08-21, "
                        + "tenant 100/hour, %d-hour window, ceiling 08-21): chosen window's true connect rate = %.1f %% "
                        + "of the best allowed window on average (p5 %.1f %%, worst %.1f %%); decisive (automatic) %.1f %%; "
                        + "windows outside the ceiling %d; thin evidence (13 calls, no tenant history) decisive %d of %,d; "
                        + "the first build's blind shift to 11-24: 3 of its 13 hours outside the ceiling, its legal "
                        + "hours %.1f %% of the best allowed window on average", trials, length, 100 * mean,
                100 * shares[trials / 20], 100 * shares[0], 100.0 * decisive / trials, outside, thinDecisive, trials,
                100 * Arrays.stream(blindShiftShares).average().orElseThrow()));
        assertThat(outside).isZero();
        assertThat(mean).isGreaterThanOrEqualTo(0.90);
        assertThat(thinDecisive).isLessThanOrEqualTo(trials / 100);
    }

    private static int percentile(int[] values, double p) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        var index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
