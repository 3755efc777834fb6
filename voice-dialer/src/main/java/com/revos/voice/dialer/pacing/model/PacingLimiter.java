package com.revos.voice.dialer.pacing.model;

import java.util.function.LongSupplier;

/**
 * Paces call starts: permits are spaced evenly ({@code window / rate} apart, scheduled from the previous slot so the
 * average rate holds), and a sliding log of the last {@code rate} grants guarantees that no window of
 * {@code window} length ever holds more than {@code rate} grants, even after a stall when the spacing would
 * otherwise try to catch up; a grant the full window held back restarts the spacing, so that grants the window frees
 * together are not let go together, window after window. {@code window} is one second plus a small guard, so the
 * few milliseconds between a grant and the request leaving the process cannot push a one-second window over the
 * limit.
 * Thread-safe; a waiting caller holds no lock.
 */
public final class PacingLimiter {

    /** Sleeps for a number of nanoseconds; tests pass a fake clock's advance. */
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final long windowNanos;
    private final long maxCreditNanos;
    private double rate;
    private int capacity;
    private long interval;
    private long nextSlot;
    private long[] grants;
    private int oldest;
    private int count;

    public PacingLimiter(double rate, long windowNanos, LongSupplier nanoTime, Sleeper sleeper) {
        this(rate, windowNanos, windowNanos / 10, nanoTime, sleeper);
    }

    /** {@code maxCreditNanos}: how much lost time may be caught up after a stall (the log still caps any window). */
    public PacingLimiter(double rate, long windowNanos, long maxCreditNanos, LongSupplier nanoTime, Sleeper sleeper) {
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.windowNanos = windowNanos;
        this.maxCreditNanos = maxCreditNanos;
        this.nextSlot = nanoTime.getAsLong();
        setRate(rate);
    }

    /**
     * A limiter of {@code rate} calls per second whose window is one second plus {@code guard}: the guard is the
     * jitter between a grant and the request reaching the provider that can never push a one-second window over
     * the limit; it costs {@code guard} / 1 s of the rate when the limiter runs flat out.
     */
    public static PacingLimiter perSecond(double rate, java.time.Duration guard) {
        return new PacingLimiter(rate, 1_000_000_000L + guard.toNanos(), System::nanoTime,
                nanos -> java.util.concurrent.locks.LockSupport.parkNanos(nanos));
    }

    public synchronized double rate() {
        return rate;
    }

    /** Changes the rate (a kernel scale command); grants already made keep counting against the window. */
    public synchronized void setRate(double newRate) {
        if (newRate <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
        rate = newRate;
        capacity = Math.max(1, (int) Math.floor(newRate));
        interval = (long) (windowNanos / newRate);
        var kept = new long[capacity];
        var keep = Math.min(count, capacity);
        for (int i = 0; i < keep; i++) {
            kept[i] = grants[(oldest + count - keep + i) % grants.length];
        }
        grants = kept;
        oldest = 0;
        count = keep;
    }

    /** Blocks until a call may start; returns the grant time (nanoTime). */
    public long acquire() throws InterruptedException {
        var askedAt = nanoTime.getAsLong();
        while (true) {
            long wait;
            synchronized (this) {
                var now = nanoTime.getAsLong();
                var logFrees = count == capacity ? grants[oldest] + windowNanos : Long.MIN_VALUE;
                var earliest = Math.max(nextSlot, logFrees);
                if (earliest <= now) {
                    record(now);
                    if (logFrees > Math.max(nextSlot, askedAt)) {
                        // the full window held this grant back, not a late caller: nothing was lost to catch up,
                        // and catching up would let the grants the window frees together go together, a burst
                        // that the log would then repeat one window later, and every window after; scheduled from
                        // when the window freed, so that sleep overshoot does not lower the rate either
                        nextSlot = logFrees + interval;
                    } else {
                        // schedule from the slot, not from now, so sleep overshoot and short stalls do not lower
                        // the rate; bank at most maxCredit of lost time (the sliding log still caps any window)
                        nextSlot = Math.max(nextSlot, now - Math.max(interval, maxCreditNanos)) + interval;
                    }
                    return now;
                }
                wait = earliest - now;
            }
            sleeper.sleepNanos(wait);
        }
    }

    /**
     * Moves a grant to the moment its request had really left ({@code sentAt}, nanoTime), when that was later:
     * the machine can hold a thread for tens of milliseconds between the grant and the write, more than the guard,
     * and the log then keeps the next window's grants back by as much, so the limit holds where the requests leave
     * and not only where they were granted. A grant the log no longer holds is left alone; the log stays a bound,
     * only a stricter one, when a moved grant is later than the one after it.
     */
    public synchronized void restamp(long grantedAt, long sentAt) {
        if (sentAt <= grantedAt) {
            return;
        }
        // newest first: a request leaves moments after its grant, so its grant is among the last few
        for (int k = count - 1; k >= 0; k--) {
            var at = (oldest + k) % grants.length;
            if (grants[at] == grantedAt) {
                grants[at] = sentAt;
                return;
            }
        }
    }

    private void record(long now) {
        if (count == capacity) {
            grants[oldest] = now;
            oldest = (oldest + 1) % capacity;
        } else {
            grants[(oldest + count) % capacity] = now;
            count++;
        }
    }
}
