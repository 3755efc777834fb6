package com.revos.voice.local;

import java.util.ArrayList;
import java.util.List;

/** The JVM settings of a service run in its own process ({@code ./revos up --processes}). */
final class JvmOptions {

    private JvmOptions() {
    }

    static List<String> forProcess(LocalService service) {
        // the intake takes the webhook bursts: pauses of a serial young collection would be its p99 (ADR 0018); the
        // dialer's calls and the simulator's arrivals are paced to the millisecond: a 20-100 ms young collection in
        // either bunches a second's calls at the provider (ADR 0023)
        var options = new ArrayList<>(switch (service) {
            case WEBHOOK_INGEST -> List.of("-XX:+UseZGC", "-Xms1g", "-Xmx1g", "-Xss512k", "-XX:+ExitOnOutOfMemoryError");
            case DIALER, SIMULATOR -> List.of("-XX:+UseZGC", "-Xmx1g", "-Xss512k", "-XX:+ExitOnOutOfMemoryError");
            default -> List.of("-XX:+UseSerialGC", "-Xss512k", "-Xmx512m", "-XX:+ExitOnOutOfMemoryError");
        });
        if (Runtime.version().feature() >= 24) {
            // Kafka and RocksDB use sun.misc.Unsafe and native code; allowed, without a warning on every start
            options.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
        }
        return options;
    }
}
