package com.revos.voice.simulator.calls.model;

import java.util.ArrayDeque;

/**
 * The most arrivals seen in any window of one second, over a stream of arrival times in ascending order. The
 * fullest window can always be slid until it ends at one of its arrivals, so it is enough to count, at each
 * arrival, the arrivals of the second that ends there. Not thread-safe: one per account, fed under its lock.
 */
public final class SlidingSecondPeak {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final ArrayDeque<Long> lastSecond = new ArrayDeque<>();
    private long arrivals;
    private int peak;
    private long peakEndNanos;
    private long firstNanos;
    private long lastNanos;

    /** @param nanos a monotonic time, not before the previous arrival's */
    public void arrive(long nanos) {
        if (arrivals == 0) {
            firstNanos = nanos;
        }
        arrivals++;
        lastNanos = nanos;
        while (!lastSecond.isEmpty() && lastSecond.peekFirst() <= nanos - WINDOW_NANOS) {
            lastSecond.pollFirst();
        }
        lastSecond.addLast(nanos);
        if (lastSecond.size() > peak) {
            peak = lastSecond.size();
            peakEndNanos = nanos;
        }
    }

    /** The same state, to be fed on independently (a settled view of arrivals still being reordered). */
    public SlidingSecondPeak copy() {
        var copy = new SlidingSecondPeak();
        copy.lastSecond.addAll(lastSecond);
        copy.arrivals = arrivals;
        copy.peak = peak;
        copy.peakEndNanos = peakEndNanos;
        copy.firstNanos = firstNanos;
        copy.lastNanos = lastNanos;
        return copy;
    }

    public long arrivals() {
        return arrivals;
    }

    /** The most arrivals in any one-second window (0 before the first). */
    public int peak() {
        return peak;
    }

    /** When the fullest window ended, on the clock of {@link #arrive}. */
    public long peakEndNanos() {
        return peakEndNanos;
    }

    /** The first arrival's time (0 before it). */
    public long firstNanos() {
        return firstNanos;
    }

    /** The last arrival's time (0 before the first). */
    public long lastNanos() {
        return lastNanos;
    }

    /** Arrivals per second from the first to the last; 0 until there are two. */
    public double meanPerSecond() {
        var span = lastNanos - firstNanos;
        return arrivals < 2 || span <= 0 ? 0 : (arrivals - 1) * 1e9 / span;
    }
}
