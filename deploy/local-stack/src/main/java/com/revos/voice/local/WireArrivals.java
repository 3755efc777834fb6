package com.revos.voice.local;

import com.revos.voice.simulator.calls.model.SlidingSecondPeak;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The third witness of the pacing benchmark, outside every JVM: the kernel's own timestamps of the outbound-call
 * requests on the loopback, as {@code tcpdump -tt} printed them (one line per TCP segment that begins a request to
 * the simulator, its first field the time in epoch seconds). Between the dialer's send time and the simulator's
 * arrival, it tells a call the dialer's HTTP client held from one the simulator was slow to take.
 */
record WireArrivals(long calls, int peakPerSecond, double meanPerSecond) {

    /** The requests of {@code capture} between {@code from} and {@code to}; empty without a capture. */
    static Optional<WireArrivals> between(Path capture, Instant from, Instant to) {
        if (!Files.isReadable(capture)) {
            return Optional.empty();
        }
        var peak = new SlidingSecondPeak();
        try (var lines = Files.lines(capture)) {
            lines.map(WireArrivals::epochNanos).filter(at -> at >= nanos(from) && at <= nanos(to)).sorted()
                    .forEach(peak::arrive);
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not read the loopback capture " + capture + ": " + e.getMessage());
            return Optional.empty();
        }
        return Optional.of(new WireArrivals(peak.arrivals(), peak.peak(), peak.meanPerSecond()));
    }

    /** A line's leading {@code seconds.micros}; Long.MIN_VALUE for anything else (tcpdump's own notes). */
    static long epochNanos(String line) {
        var end = line.indexOf(' ');
        var stamp = end < 0 ? line : line.substring(0, end);
        var dot = stamp.indexOf('.');
        if (dot <= 0 || !stamp.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
            return Long.MIN_VALUE;
        }
        var fraction = (stamp.substring(dot + 1) + "000000000").substring(0, 9);
        return Long.parseLong(stamp.substring(0, dot)) * 1_000_000_000L + Long.parseLong(fraction);
    }

    private static long nanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }

    String fields() {
        return String.format(Locale.ROOT, "wire=%d wire_peak=%d wire_mean_per_second=%.2f", calls, peakPerSecond,
                meanPerSecond);
    }
}
