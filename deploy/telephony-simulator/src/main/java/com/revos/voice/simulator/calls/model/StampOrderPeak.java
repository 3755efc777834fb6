package com.revos.voice.simulator.calls.model;

import java.util.PriorityQueue;

/**
 * The sliding-second peak of stamps taken on racing threads, in the order of the stamps rather than of their
 * recording: a stamp is held back until one later by {@code horizon} has been seen, so that it is counted in its
 * place; what is still held back is counted, in order, in every view. A stamp recorded more than the horizon late
 * is counted at the latest time already counted (never earlier than what the window has seen). Not thread-safe.
 */
public final class StampOrderPeak {

    private final long horizonNanos;
    private final SlidingSecondPeak counted = new SlidingSecondPeak();
    private final PriorityQueue<Long> held = new PriorityQueue<>();
    private long newest = Long.MIN_VALUE;
    private long lastCounted = Long.MIN_VALUE;

    public StampOrderPeak(long horizonNanos) {
        this.horizonNanos = horizonNanos;
    }

    /** @param stampNanos any clock in nanoseconds, the same for every stamp */
    public void arrive(long stampNanos) {
        held.add(stampNanos);
        newest = Math.max(newest, stampNanos);
        while (!held.isEmpty() && held.peek() <= newest - horizonNanos) {
            lastCounted = Math.max(lastCounted, held.poll());
            counted.arrive(lastCounted);
        }
    }

    /** Every stamp so far, counted in stamp order. */
    public SlidingSecondPeak settled() {
        var view = counted.copy();
        var order = new PriorityQueue<>(held);
        var last = lastCounted;
        while (!order.isEmpty()) {
            last = Math.max(last, order.poll());
            view.arrive(last);
        }
        return view;
    }
}
