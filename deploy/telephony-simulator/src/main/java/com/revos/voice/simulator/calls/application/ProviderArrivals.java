package com.revos.voice.simulator.calls.application;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import com.revos.voice.simulator.calls.model.SlidingSecondPeak;
import org.jspecify.annotations.Nullable;

/**
 * The provider-side witness of pacing: every outbound-call request as it reaches the provider (time, to and from
 * number, the Twilio account of the calling number), and per account the most calls seen in any sliding second.
 * The dialer's limit holds where it sends; what counts is what arrives here, after its threads, its HTTP client
 * and the network have bunched or spread the calls.
 */
public final class ProviderArrivals {

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

    /** An outbound call arrived, whatever the provider answers it. */
    void arrived(String account, String from, String to) {
        accounts.computeIfAbsent(account, Account::new).arrive(from, to);
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

    public record Arrival(Instant at, String account, String from, String to) {
    }

    public record AccountView(long calls, int peakPerSecond, @Nullable Instant peakSecondEndedAt, double meanPerSecond,
                              @Nullable Instant firstAt, @Nullable Instant lastAt) {
    }

    private final class Account {

        private final String name;
        private final SlidingSecondPeak peak = new SlidingSecondPeak();
        private final List<Arrival> listed = new ArrayList<>();
        // absent until the account's first arrival
        private @Nullable Instant firstAt;
        private @Nullable Instant lastAt;
        private @Nullable Instant peakAt;
        private long peakEndNanos = -1;

        Account(String name) {
            this.name = name;
        }

        /** The clock is read under the lock, so arrivals are fed in order even when requests race. */
        synchronized void arrive(String from, String to) {
            var at = clock.instant();
            peak.arrive(nanos.getAsLong());
            if (firstAt == null) {
                firstAt = at;
            }
            lastAt = at;
            if (peak.peakEndNanos() != peakEndNanos) {
                peakEndNanos = peak.peakEndNanos();
                peakAt = at;
            }
            if (listed.size() < keep) {
                listed.add(new Arrival(at, name, from, to));
            }
        }

        synchronized AccountView view() {
            return new AccountView(peak.arrivals(), peak.peak(), peakAt, peak.meanPerSecond(), firstAt, lastAt);
        }

        synchronized List<Arrival> listed() {
            return List.copyOf(listed);
        }
    }
}
