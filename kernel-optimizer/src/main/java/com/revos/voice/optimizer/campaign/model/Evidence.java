package com.revos.voice.optimizer.campaign.model;

/**
 * What a sequential decision rests on (ADR 0012).
 *
 * @param statistic the log-likelihood ratio of the run's calls, alternative against threshold
 * @param bound the log-likelihood ratio at which the rule acts
 * @param sample the calls in the run (since the chart last restarted)
 * @param events the run's calls that counted (failed, connected, qualified, as the rule has it)
 * @param errorRate the chance of a false decision within {@link SequentialTest#HORIZON_CALLS} calls
 * @param threshold the tenant's threshold
 * @param alternative the rate of the chart that decided
 * @param confidenceBound the rate the run supports at the error rate (lower bound when {@code above})
 * @param above whether the rule acts on rates above the threshold
 */
public record Evidence(double statistic, double bound, int sample, int events, double errorRate, double threshold,
                       double alternative, double confidenceBound, boolean above) {

    public double estimate() {
        return sample == 0 ? 0.0 : (double) events / sample;
    }

    /** How many times likelier the run is under the alternative than at the threshold. */
    public double likelihoodRatio() {
        return Math.exp(statistic);
    }
}
