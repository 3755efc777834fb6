package com.revos.voice.simulator.calls.application;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * The simulator's own scheduling, witnessed: a platform thread and a virtual thread each sleep a short tick over and
 * over, and every wake-up later than the threshold is kept (when, which thread, how late). Arrivals released
 * together at one instant after a stall of the simulator line up with a late wake-up here; a stall on the caller's
 * side or on the wire does not.
 */
public final class SchedulingStalls implements AutoCloseable {

    private static final int KEEP = 10_000;

    /** A wake-up {@code lateMs} after it was due, at {@code at}, on the {@code thread} kind of thread. */
    public record Stall(Instant at, String thread, long lateMs) {
    }

    private final InstantSource clock;
    private final LongConsumer park;
    private final long tickNanos;
    private final long thresholdNanos;
    private final ArrayDeque<Stall> stalls = new ArrayDeque<>();
    private volatile boolean running = true;
    private final List<Thread> witnesses;

    public SchedulingStalls(InstantSource clock, Duration tick, Duration threshold) {
        this(clock, tick, threshold, LockSupport::parkNanos);
    }

    /** @param park sleeps the given nanoseconds (tests oversleep on purpose) */
    SchedulingStalls(InstantSource clock, Duration tick, Duration threshold, LongConsumer park) {
        this.park = park;
        this.clock = clock;
        this.tickNanos = tick.toNanos();
        this.thresholdNanos = threshold.toNanos();
        this.witnesses = List.of(
                Thread.ofPlatform().daemon().name("stall-witness-platform").start(() -> witness("platform")),
                Thread.ofVirtual().name("stall-witness-virtual").start(() -> witness("virtual")));
    }

    private void witness(String thread) {
        while (running) {
            var due = System.nanoTime() + tickNanos;
            park.accept(tickNanos);
            var late = System.nanoTime() - due;
            if (late > thresholdNanos) {
                record(new Stall(clock.instant(), thread, late / 1_000_000));
            }
        }
    }

    private synchronized void record(Stall stall) {
        if (stalls.size() == KEEP) {
            stalls.pollFirst();
        }
        stalls.addLast(stall);
    }

    /** The stalls seen since the start or the last reset, oldest first (the last 10,000). */
    public synchronized List<Stall> stalls() {
        return List.copyOf(stalls);
    }

    public synchronized void reset() {
        stalls.clear();
    }

    @Override
    public void close() {
        running = false;
        witnesses.forEach(Thread::interrupt);
    }
}
