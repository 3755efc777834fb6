package com.revos.voice.simulator.calls.application;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import com.revos.voice.simulator.calls.model.SlidingSecondPeak;
import com.revos.voice.simulator.calls.model.StampOrderPeak;
import org.jspecify.annotations.Nullable;

/**
 * The provider-side witness of pacing: every outbound-call request as it reaches the provider (time, to and from
 * number, the Twilio account of the calling number), and per account the most calls seen in any sliding second.
 * The dialer's limit holds where it sends; what counts is what arrives here, after its threads, its HTTP client
 * and the network have bunched or spread the calls.
 *
 * <p>Each call is seen at three points, so that bunching can be placed: when the caller says it sent it (the
 * {@link Stamp#sentAt()} a benchmark's dialer adds), when the simulator's server read the request's first byte
 * (the arrival: peak and mean are counted in the order of these stamps), and when the simulator handled it (after
 * its MVC stack and body parsing).
 */
public final class ProviderArrivals {

    /** Stamps taken on racing request threads are counted in their order once this much later has been seen. */
    private static final long REORDER_HORIZON_NANOS = Duration.ofSeconds(5).toNanos();
    /** Transit from send to arrival, in whole milliseconds up to 10 s (longer ones are counted as 10 s). */
    private static final int TRANSIT_BUCKETS_MS = 10_001;

    private final InstantSource clock;
    private final LongSupplier nanos;
    private final int keep;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();

    /** @param keep how many arrivals are listed per account (the counts and peaks cover all) */
    public ProviderArrivals(InstantSource clock, LongSupplier nanos, int keep) {
        this.clock = clock;
        this.nanos = nanos;
        this.keep = keep;
    }

    /** When a request reached the provider's outermost point, and when its sender says it sent it (if it says). */
    public record Stamp(Instant arrivedAt, @Nullable Instant sentAt) {
    }

    /** An outbound call arrived now, whatever the provider answers it. */
    void arrived(String account, String from, String to) {
        arrived(account, from, to, new Stamp(clock.instant(), null));
    }

    /** An outbound call that arrived as {@code stamp} says, whatever the provider answers it. */
    void arrived(String account, String from, String to, Stamp stamp) {
        accounts.computeIfAbsent(account, Account::new).arrive(from, to, stamp);
    }

    /** Per account: arrivals, the sliding-second peak and when it ended, the mean rate. */
    public Map<String, AccountView> accounts() {
        var views = new TreeMap<String, AccountView>();
        accounts.forEach((account, arrivals) -> views.put(account, arrivals.view()));
        return views;
    }

    /** The arrivals listed for one account, oldest first (at most {@code keep}). */
    public List<Arrival> arrivals(String account) {
        var arrivals = accounts.get(account);
        return arrivals == null ? List.of() : arrivals.listed();
    }

    void reset() {
        accounts.clear();
    }

    public record Arrival(Instant at, String account, String from, String to, @Nullable Instant sentAt) {
    }

    /**
     * @param peakPerSecond the most arrivals in any sliding second, in the order of their first bytes' arrival
     * @param handledPeakPerSecond the same where the simulator handled them (after its MVC stack)
     * @param sentPeakPerSecond the same by the send times the caller stamped (0 when it stamps none)
     * @param transit from the caller's send time to the arrival (absent when it stamps none)
     */
    public record AccountView(long calls, int peakPerSecond, @Nullable Instant peakSecondEndedAt, double meanPerSecond,
                              @Nullable Instant firstAt, @Nullable Instant lastAt, int handledPeakPerSecond,
                              long sentCalls, int sentPeakPerSecond, double sentMeanPerSecond,
                              @Nullable Transit transit) {
    }

    /** Milliseconds from send to arrival. */
    public record Transit(long p50Ms, long p99Ms, long maxMs) {
    }

    private final class Account {

        private final String name;
        private final StampOrderPeak arrived = new StampOrderPeak(REORDER_HORIZON_NANOS);
        private final SlidingSecondPeak handled = new SlidingSecondPeak();
        private final StampOrderPeak sent = new StampOrderPeak(REORDER_HORIZON_NANOS);
        private final long[] transitMs = new long[TRANSIT_BUCKETS_MS];
        private final List<Arrival> listed = new ArrayList<>();
        private long calls;
        private long sentCalls;
        private long transitMaxMs;

        Account(String name) {
            this.name = name;
        }

        /** The handling clock is read under the lock, so handled calls are fed in order even when requests race. */
        synchronized void arrive(String from, String to, Stamp stamp) {
            calls++;
            handled.arrive(nanos.getAsLong());
            arrived.arrive(epochNanos(stamp.arrivedAt()));
            var sentAt = stamp.sentAt();
            if (sentAt != null) {
                sentCalls++;
                sent.arrive(epochNanos(sentAt));
                var ms = Math.max(0, Duration.between(sentAt, stamp.arrivedAt()).toMillis());
                transitMs[(int) Math.min(ms, TRANSIT_BUCKETS_MS - 1)]++;
                transitMaxMs = Math.max(transitMaxMs, ms);
            }
            if (listed.size() < keep) {
                listed.add(new Arrival(stamp.arrivedAt(), name, from, to, sentAt));
            }
        }

        synchronized AccountView view() {
            var peak = arrived.settled();
            var bySend = sent.settled();
            return new AccountView(calls, peak.peak(), calls == 0 ? null : instant(peak.peakEndNanos()),
                    peak.meanPerSecond(), calls == 0 ? null : instant(peak.firstNanos()),
                    calls == 0 ? null : instant(peak.lastNanos()), handled.peak(), sentCalls, bySend.peak(),
                    bySend.meanPerSecond(), sentCalls == 0 ? null
                            : new Transit(percentile(0.50), percentile(0.99), transitMaxMs));
        }

        private long percentile(double share) {
            var rank = (long) Math.ceil(share * sentCalls);
            long seen = 0;
            for (int ms = 0; ms < transitMs.length; ms++) {
                seen += transitMs[ms];
                if (seen >= rank) {
                    return ms;
                }
            }
            return transitMaxMs;
        }

        synchronized List<Arrival> listed() {
            return List.copyOf(listed);
        }
    }

    private static long epochNanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }

    private static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(0, epochNanos);
    }
}
