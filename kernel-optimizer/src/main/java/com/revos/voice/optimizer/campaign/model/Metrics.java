package com.revos.voice.optimizer.campaign.model;

/**
 * The window's counts and the four rates of design.md section 5 (a rate is 0 while its denominator is 0).
 * {@code failed} counts call outcomes only: a deferred dial never produces an outcome, so it never counts;
 * {@code abandoned} counts connected calls abandoned by the dialer's definition ({@code CallAbandonment}).
 */
public record Metrics(int attempted, int failed, int connected, int qualified, int abandoned) {

    public Metrics(int attempted, int failed, int connected, int qualified) {
        this(attempted, failed, connected, qualified, 0);
    }

    public double failureRate() {
        return ratio(failed, attempted);
    }

    public double connectRate() {
        return ratio(connected, attempted);
    }

    /** Qualified among connected calls. */
    public double qualificationRate() {
        return ratio(qualified, connected);
    }

    /** Abandoned among live-answered (connected) calls, as the dialer's compliance counts it. */
    public double abandonmentRate() {
        return ratio(abandoned, connected);
    }

    /** Qualified among attempts. */
    public double efficiency() {
        return ratio(qualified, attempted);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }
}
