package com.revos.voice.optimizer.campaign.model;

import com.revos.voice.events.CallingWindow;
import org.jspecify.annotations.Nullable;

/**
 * Picks calling hours from a Beta-Binomial model of connect rate by the contact's local hour (ADR 0012).
 * <p>
 * Each hour's connect rate has a Beta posterior: the campaign's own attempts and connects at that hour on top of a
 * prior of {@link #CAMPAIGN_PRIOR_CALLS} pseudo-calls centred on the tenant's rate for that hour, which is itself the
 * tenant's other campaigns' counts shrunk ({@link #TENANT_PRIOR_CALLS}) toward the overall rate. A thin campaign so
 * leans on its tenant, a thin hour on the campaign's and tenant's overall rate, and a well-observed hour on itself.
 * <p>
 * Only windows inside the legal ceiling are scored; the window's score is the mean posterior connect rate of its
 * hours. The best window is decisive only when its gain over the current window is at least the minimum effect and
 * its one-sided lower bound at the error rate is above zero; otherwise the plan is a recommendation at most.
 */
final class RetimePlanner {

    static final double CAMPAIGN_PRIOR_CALLS = 20;
    static final double TENANT_PRIOR_CALLS = 10;

    private RetimePlanner() {
    }

    /**
     * @param current the campaign's window (the federal default when unknown); clamped to the ceiling when wider
     * @param maxHours the longest window a retime picks (never longer than the current window or the ceiling)
     */
    static Plan plan(HourlyConnects campaign, HourlyConnects tenantOthers, @Nullable CallingWindow current,
                     CallingHoursCeiling ceiling, int maxHours, double minimumEffect, double errorRate) {
        var from = current == null ? CallingWindow.DEFAULT : current;
        var mean = new double[24];
        var variance = new double[24];
        posterior(campaign, tenantOthers, mean, variance);
        var currentStart = Math.max(from.startHour(), ceiling.startHour());
        var currentEnd = Math.min(from.endHour(), ceiling.endHour());
        if (currentStart >= currentEnd) {
            // the campaign's hours lie wholly outside the ceiling: judge the gain against the whole ceiling
            currentStart = ceiling.startHour();
            currentEnd = ceiling.endHour();
        }
        var length = Math.max(1, Math.min(Math.min(maxHours, currentEnd - currentStart), ceiling.hours()));
        var bestStart = ceiling.startHour();
        var bestScore = Double.NEGATIVE_INFINITY;
        for (int start = ceiling.startHour(); start + length <= ceiling.endHour(); start++) {
            var score = score(mean, start, start + length);
            if (score > bestScore + 1e-12) {
                bestScore = score;
                bestStart = start;
            }
        }
        var currentScore = score(mean, currentStart, currentEnd);
        var gain = bestScore - currentScore;
        var gainVariance = 0.0;
        for (int hour = 0; hour < 24; hour++) {
            var weight = (hour >= bestStart && hour < bestStart + length ? 1.0 / length : 0.0)
                    - (hour >= currentStart && hour < currentEnd ? 1.0 / (currentEnd - currentStart) : 0.0);
            gainVariance += weight * weight * variance[hour];
        }
        var lowerGain = gain - Normal.quantile(1 - errorRate) * Math.sqrt(gainVariance);
        var to = new CallingWindow(bestStart, bestStart + length, from.days());
        var moves = to.startHour() != from.startHour() || to.endHour() != from.endHour();
        var decisive = moves && gain >= minimumEffect && lowerGain > 0;
        return new Plan(new Action.Retime(from, to, bestScore, currentScore, lowerGain), decisive,
                campaign.totalAttempts(), tenantOthers.totalAttempts());
    }

    /** Posterior mean and variance of each hour's connect rate. */
    static void posterior(HourlyConnects campaign, HourlyConnects tenant, double[] mean, double[] variance) {
        var overall = (campaign.totalConnects() + tenant.totalConnects() + 1.0)
                / (campaign.totalAttempts() + tenant.totalAttempts() + 2.0);
        for (int hour = 0; hour < 24; hour++) {
            var prior = (tenant.connects(hour) + TENANT_PRIOR_CALLS * overall)
                    / (tenant.attempts(hour) + TENANT_PRIOR_CALLS);
            var a = CAMPAIGN_PRIOR_CALLS * prior + campaign.connects(hour);
            var b = CAMPAIGN_PRIOR_CALLS * (1 - prior) + campaign.attempts(hour) - campaign.connects(hour);
            mean[hour] = a / (a + b);
            variance[hour] = mean[hour] * (1 - mean[hour]) / (a + b + 1);
        }
    }

    private static double score(double[] mean, int start, int end) {
        var sum = 0.0;
        for (int hour = start; hour < end; hour++) {
            sum += mean[hour];
        }
        return sum / (end - start);
    }

    /**
     * @param retime the best window inside the ceiling, with the expected connect rates and the gain's lower bound
     * @param decisive whether the evidence carries an automatic move
     */
    record Plan(Action.Retime retime, boolean decisive, int campaignAttempts, int tenantAttempts) {
    }

    /** The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
    static final class Normal {

        private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01};
        private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        private static final double[] D = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
            3.754408661907416e+00};

        private Normal() {
        }

        static double quantile(double p) {
            if (p <= 0 || p >= 1) {
                throw new IllegalArgumentException("p must be in (0, 1)");
            }
            if (p < 0.02425) {
                var q = Math.sqrt(-2 * Math.log(p));
                return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                        / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
            }
            if (p > 1 - 0.02425) {
                return -quantile(1 - p);
            }
            var q = p - 0.5;
            var r = q * q;
            return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
                    / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
        }
    }
}
