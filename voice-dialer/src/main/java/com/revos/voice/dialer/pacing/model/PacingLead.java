package com.revos.voice.dialer.pacing.model;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How far the limiters that feed a cap may run ahead of it (ADR 0028): at most {@code leadSeconds} of calls at the
 * rate, two at least, let go by the feeders and not yet through the cap. Re-sized with the rate; a smaller bound
 * lets no new call go until enough of those ahead have passed. A plain counter under a monitor, since a semaphore
 * cannot shrink below what is held. Thread-safe.
 */
public final class PacingLead {

    private final double leadSeconds;
    private int bound;
    private int held;

    public PacingLead(double rate, double leadSeconds) {
        this.leadSeconds = leadSeconds;
        resize(rate);
    }

    public synchronized void resize(double rate) {
        bound = Math.max(2, (int) Math.ceil(rate * leadSeconds));
        notifyAll();
    }

    /** Blocks while the bound is reached; then the caller's call counts as ahead of the cap. */
    public synchronized void acquire() throws InterruptedException {
        while (held >= bound) {
            wait();
        }
        held++;
    }

    /** A call that was ahead and will not be placed after all. */
    public synchronized void release() {
        held--;
        notifyAll();
    }

    /**
     * A call that was ahead, now handed on: the returned action releases it once, however many of its endings (the
     * cap's grant, a refusal, a failure) run it.
     */
    public Runnable place() {
        var done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                release();
            }
        };
    }

    public synchronized int ahead() {
        return held;
    }

    public synchronized int bound() {
        return bound;
    }
}
