package com.revos.voice.optimizer.campaign.model;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A sequential test that a Bernoulli rate has passed a threshold, as a multi-chart CUSUM (ADR 0012): one Page CUSUM
 * of the log-likelihood ratio per alternative rate (the threshold plus the minimum effect, half-way to certainty, and
 * nearly certain), so a jump to nearly every call fails is caught in a dozen calls and a drift just past the
 * threshold plus the minimum effect is still caught, later. Each chart restarts whenever its evidence falls to zero.
 * <p>
 * The bound is {@code ln(HORIZON_CALLS * charts / errorRate)}: a chart alarms at call n only if the calls since some
 * start k are {@code e^bound} times likelier under its alternative than under the threshold; under any rate at or on
 * the right side of the threshold that has probability at most {@code e^-bound} per start and chart (Ville), so the
 * chance of any false decision within {@link #HORIZON_CALLS} calls is at most {@code errorRate}.
 */
public final class SequentialTest {

    /** The campaign length the error rate is stated for. */
    public static final int HORIZON_CALLS = 10_000;

    /** Which side of the threshold the rule acts on. */
    public enum Direction {
        ABOVE, BELOW
    }

    private final Direction direction;
    private final double threshold;
    private final double errorRate;
    private final double[] alternatives;
    private final double[] onEvent;
    private final double[] onOther;
    private final double bound;

    public SequentialTest(Direction direction, double threshold, double minimumEffect, double errorRate) {
        this.direction = direction;
        this.threshold = threshold;
        this.errorRate = errorRate;
        this.alternatives = alternatives(direction, threshold, minimumEffect);
        this.onEvent = new double[alternatives.length];
        this.onOther = new double[alternatives.length];
        for (int k = 0; k < alternatives.length; k++) {
            onEvent[k] = Math.log(alternatives[k] / threshold);
            onOther[k] = Math.log((1 - alternatives[k]) / (1 - threshold));
        }
        this.bound = alternatives.length == 0 ? Double.POSITIVE_INFINITY
                : Math.log(HORIZON_CALLS * (double) alternatives.length / errorRate);
    }

    /**
     * The alternatives, strictly beyond the threshold and short of 0 and 1; none when the threshold is 0 or 1 in the
     * rule's direction (nothing can be beyond it).
     */
    static double[] alternatives(Direction direction, double threshold, double minimumEffect) {
        var room = direction == Direction.ABOVE ? 1 - threshold : threshold;
        if (room <= 0 || threshold <= 0 || threshold >= 1) {
            return new double[0];
        }
        var gaps = new double[] {Math.min(minimumEffect, 0.95 * room), 0.5 * room, 0.95 * room};
        Arrays.sort(gaps);
        return Arrays.stream(gaps).distinct().filter(gap -> gap > 0)
                .map(gap -> direction == Direction.ABOVE ? threshold + gap : threshold - gap).toArray();
    }

    public double bound() {
        return bound;
    }

    public double threshold() {
        return threshold;
    }

    public double errorRate() {
        return errorRate;
    }

    public Direction direction() {
        return direction;
    }

    /** Adds one observation to the charts ({@code event}: a failure for stop-loss, a connect for retime, ...). */
    void observe(Charts charts, boolean event) {
        charts.fit(alternatives.length);
        for (int k = 0; k < alternatives.length; k++) {
            var next = charts.statistic[k] + (event ? onEvent[k] : onOther[k]);
            if (next <= 0) {
                charts.statistic[k] = 0;
                charts.calls[k] = 0;
                charts.events[k] = 0;
            } else {
                charts.statistic[k] = next;
                charts.calls[k]++;
                charts.events[k] += event ? 1 : 0;
            }
        }
        charts.observed++;
    }

    /**
     * The chart nearest its bound (the one that alarms first), as evidence. A test without charts (a threshold of 0
     * or 1 in its direction) never crosses, so it is never asked.
     */
    Evidence evidence(Charts charts) {
        charts.fit(alternatives.length);
        var best = -1;
        for (int k = 0; k < alternatives.length; k++) {
            if (best < 0 || charts.statistic[k] > charts.statistic[best]) {
                best = k;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("a test without charts has no evidence");
        }
        var calls = charts.calls[best];
        var events = charts.events[best];
        return new Evidence(charts.statistic[best], bound, calls, events, errorRate, threshold, alternatives[best],
                confidenceBound(events, calls), direction == Direction.ABOVE);
    }

    boolean crossed(Charts charts) {
        charts.fit(alternatives.length);
        for (int k = 0; k < alternatives.length; k++) {
            if (charts.statistic[k] >= bound) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rate the run's calls support at the error rate, on the rule's side: the farthest rate q from the estimate
     * with {@code calls * KL(estimate || q) <= ln(1/errorRate)} (Chernoff), a lower bound for ABOVE, an upper one
     * for BELOW.
     */
    double confidenceBound(int events, int calls) {
        if (calls == 0) {
            return direction == Direction.ABOVE ? 0.0 : 1.0;
        }
        var estimate = (double) events / calls;
        var budget = Math.log(1 / errorRate) / calls;
        double near = estimate;
        double far = direction == Direction.ABOVE ? 0.0 : 1.0;
        for (int i = 0; i < 50; i++) {
            var mid = (near + far) / 2;
            if (kl(estimate, mid) <= budget) {
                near = mid;
            } else {
                far = mid;
            }
        }
        return near;
    }

    static double kl(double p, double q) {
        q = Math.min(Math.max(q, 1e-12), 1 - 1e-12);
        return term(p, q) + term(1 - p, 1 - q);
    }

    private static double term(double p, double q) {
        return p <= 0 ? 0 : p * Math.log(p / q);
    }

    /** The mutable state of one rule's charts inside a campaign's state. */
    static final class Charts {
        double[] statistic = new double[0];
        int[] calls = new int[0];
        int[] events = new int[0];
        /** Observations since the last reset, against the rule's minimum sample. */
        int observed;

        void fit(int size) {
            if (statistic.length != size) {
                statistic = Arrays.copyOf(statistic, size);
                calls = Arrays.copyOf(calls, size);
                events = Arrays.copyOf(events, size);
            }
        }

        void reset() {
            Arrays.fill(statistic, 0);
            Arrays.fill(calls, 0);
            Arrays.fill(events, 0);
            observed = 0;
        }

        int serializedSize() {
            return 8 + statistic.length * 16;
        }

        void writeTo(ByteBuffer out) {
            out.putInt(observed).putInt(statistic.length);
            for (int k = 0; k < statistic.length; k++) {
                out.putDouble(statistic[k]).putInt(calls[k]).putInt(events[k]);
            }
        }

        static Charts readFrom(ByteBuffer in) {
            var charts = new Charts();
            charts.observed = in.getInt();
            charts.fit(in.getInt());
            for (int k = 0; k < charts.statistic.length; k++) {
                charts.statistic[k] = in.getDouble();
                charts.calls[k] = in.getInt();
                charts.events[k] = in.getInt();
            }
            return charts;
        }
    }
}
