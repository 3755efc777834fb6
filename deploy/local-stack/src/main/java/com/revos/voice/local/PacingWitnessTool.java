package com.revos.voice.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The whole-product pacing benchmark's driver (deploy/bench/whole-product-pacing.sh), against a running
 * {@code ./revos up}: for each {@code <calls per second>:<contacts>} it runs one campaign of a fresh tenant through
 * the public APIs at that limit, and asks the simulator, the provider's side in a process of its own, what really
 * arrived: the most calls in any sliding second (must not exceed the limit) and the mean rate from first to last
 * arrival (must keep at least 97 % of it). Prints one line per run and exits 1 when a run misses either.
 */
public final class PacingWitnessTool {

    /** The share of the limit the dialer must keep on average (issue 14). */
    static final double MIN_SHARE = 0.97;
    private static final Duration QUIET_AFTER = Duration.ofSeconds(15);
    private static final int DEFAULT_WARM_UP_SECONDS = 120;

    private PacingWitnessTool() {
    }

    record Run(double callsPerSecond, int contacts) {

        static Run parse(String spec) {
            var parts = spec.split(":");
            return new Run(Double.parseDouble(parts[0]), Integer.parseInt(parts[1]));
        }

        /** A run at the same limit with as many contacts as it dials in {@code seconds}. */
        Run lasting(int seconds) {
            return new Run(callsPerSecond, (int) Math.round(callsPerSecond * seconds));
        }
    }

    /**
     * What the simulator saw: the arrivals as its server read their first bytes (peak and mean, the figures that
     * count), the peak where it handled them, and by the dialer's own send times (peak, mean, transit from send to
     * arrival), which say whether calls left the dialer bunched or were bunched on the way.
     */
    record Witnessed(Run run, long calls, int peakPerSecond, double meanPerSecond, int handledPeakPerSecond,
                     long sentCalls, int sentPeakPerSecond, double sentMeanPerSecond, String transit,
                     Optional<WireArrivals> wire) {

        static Witnessed none(Run run) {
            return new Witnessed(run, 0, 0, 0, 0, 0, 0, 0, "-", Optional.empty());
        }

        Witnessed onTheWire(Optional<WireArrivals> seen) {
            return new Witnessed(run, calls, peakPerSecond, meanPerSecond, handledPeakPerSecond, sentCalls,
                    sentPeakPerSecond, sentMeanPerSecond, transit, seen);
        }

        boolean peakHolds() {
            return peakPerSecond <= run.callsPerSecond();
        }

        boolean meanHolds() {
            return meanPerSecond >= MIN_SHARE * run.callsPerSecond();
        }

        String line() {
            return String.format(Locale.ROOT, "pacing limit=%.0f contacts=%d arrived=%d peak_sliding_second=%d "
                    + "mean_per_second=%.2f share=%.3f %s | handled_peak=%d sent=%d sent_peak=%d "
                    + "sent_mean_per_second=%.2f transit_ms(p50/p99/max)=%s", run.callsPerSecond(), run.contacts(),
                    calls, peakPerSecond, meanPerSecond, meanPerSecond / run.callsPerSecond(),
                    peakHolds() && meanHolds() ? "OK" : "MISSED", handledPeakPerSecond, sentCalls, sentPeakPerSecond,
                    sentMeanPerSecond, transit) + wire.map(seen -> " | " + seen.fields()).orElse("");
        }
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("Usage: <calls per second>:<contacts>...   e.g. 25:3000 50:10000");
            System.exit(2);
        }
        // a fresh stack's first minutes are cold (code, connections, the report pipeline): its first 100 calls fill
        // the tenant's 100 at once while their reports take seconds, and six JVMs compile their hot code on two
        // cores. After a 30 s warm-up the measured run still spent its first minute at 41-47 calls/s (run 29); after
        // 120 s it held the limit from its first seconds. PACING_WARMUP_SECONDS=0 measures the cold start instead
        var warmUp = Run.parse(args[0]).lasting(warmUpSeconds());
        if (warmUp.contacts() > 0) {
            System.out.println("warm-up, not counted: " + witness(warmUp).line());
        }
        var results = new ArrayList<Witnessed>();
        for (var spec : args) {
            var witnessed = witness(Run.parse(spec));
            System.out.println(witnessed.line());
            results.add(witnessed);
        }
        System.exit(results.stream().allMatch(w -> w.peakHolds() && w.meanHolds()) ? 0 : 1);
    }

    private static int warmUpSeconds() {
        var seconds = System.getenv("PACING_WARMUP_SECONDS");
        return seconds == null || seconds.isBlank() ? DEFAULT_WARM_UP_SECONDS : Integer.parseInt(seconds.trim());
    }

    private static Witnessed witness(Run run) {
        var ports = LocalPorts.fromEnvironment();
        var tokens = LocalTokenIssuer.fromEnvironment();
        var tenant = UUID.randomUUID();
        var client = new ProductClient(url(ports.provisioning()), url(ports.dialer()), url(ports.optimizer()),
                url(ports.simulator()), tokens.tenant(tenant), tokens.operator());
        // a run starts from nothing (the reset restores the simulator's defaults too), then short calls, all
        // answered, ringing and talking at a tenth of real time: the campaign is bound by its pace, not by calls in
        // flight (the tenant may have 100 at once)
        client.simulatorReset();
        client.simulatorConfig(Map.of("answer_rate", 1.0, "voicemail_rate", 0.0, "failure_rate", 0.0,
                "busy_rate", 0.0, "min_duration_secs", 1, "max_duration_secs", 1, "outbound_error_rate", 0.0,
                "outbound_429_rate", 0.0, "time_scale", 0.1));
        onlyRecommend(client, tenant);
        var scenario = new CampaignScenario(client, tenant);
        var poolNumber = "+1628" + (5_550_000 + Math.floorMod(tenant.hashCode(), 1_000_000));
        var prepared = scenario.prepare(poolNumber, run.contacts(), run.callsPerSecond(), 100);
        // every contact must be dialable, or "arrived" would fall short of "contacts" for a reason not the dialer's
        var accepted = number(prepared.upload().get("accepted")).longValue();
        if (accepted != run.contacts()) {
            throw new IllegalStateException("The upload took %d of %d contacts: %s".formatted(accepted,
                    run.contacts(), prepared.upload().get("rejected")));
        }
        var started = Instant.now();
        scenario.start(prepared.campaignId());
        try {
            var witnessed = await(client, run);
            keepArrivals(client, run);
            var capture = System.getenv("PACING_WIRE_CAPTURE");
            if (capture != null && !capture.isBlank()) {
                // the capture is written as it goes: the last requests of the run are in it a moment later
                LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
                witnessed = witnessed.onTheWire(WireArrivals.between(Path.of(capture), started, Instant.now()));
            }
            return witnessed;
        } finally {
            // what is left of it must not dial on into the next run (or the next start of the stack)
            var status = String.valueOf(client.campaign(tenant, prepared.campaignId()).get("status"));
            if (List.of("running", "paused", "draft").contains(status.toLowerCase(Locale.ROOT))) {
                client.campaignAction(tenant, prepared.campaignId(), "cancel");
            }
        }
    }

    /**
     * The witness measures the dialer at a fixed limit: the optimizer would scale a healthy campaign up to the
     * tenant's limit, so for this tenant its scale-up and retime only recommend.
     */
    @SuppressWarnings("unchecked")
    private static void onlyRecommend(ProductClient client, UUID tenant) {
        var policy = new LinkedHashMap<>(client.optimizerPolicy(tenant));
        for (var rule : List.of("scale_up", "retime")) {
            var settings = new LinkedHashMap<>((Map<String, Object>) Objects.requireNonNull(policy.get(rule), rule));
            settings.put("mode", "recommend");
            policy.put(rule, settings);
        }
        client.replaceOptimizerPolicy(tenant, policy);
    }

    /** Until every contact has arrived at the provider, or nothing more arrived for a while. */
    private static Witnessed await(ProductClient client, Run run) {
        long seen = -1;
        var lastChange = System.nanoTime();
        while (true) {
            var witnessed = read(client, run);
            if (witnessed.calls() != seen) {
                seen = witnessed.calls();
                lastChange = System.nanoTime();
                System.err.printf(Locale.ROOT, "  %.0f calls/s: %d of %d arrived%n", run.callsPerSecond(), seen,
                        run.contacts());
            }
            if (seen >= run.contacts() || System.nanoTime() - lastChange > QUIET_AFTER.toNanos()) {
                return witnessed;
            }
            LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
        }
    }

    /**
     * With {@code PACING_ARRIVALS_DIR} set (the benchmark sets it), every arrival of the run, with its send time, goes
     * to {@code pacing-arrivals-<limit>.json} there, the simulator's own late wake-ups to {@code pacing-stalls-<limit>.json}:
     * where a peak came from can be looked at after the stack stopped.
     */
    private static void keepArrivals(ProductClient client, Run run) {
        var dir = System.getenv("PACING_ARRIVALS_DIR");
        if (dir == null || dir.isBlank()) {
            return;
        }
        for (var account : client.simulatorArrivals().keySet()) {
            keep(Path.of(dir, String.format(Locale.ROOT, "pacing-arrivals-%.0f.json", run.callsPerSecond())),
                    client.simulatorArrivalList(account));
        }
        keep(Path.of(dir, String.format(Locale.ROOT, "pacing-stalls-%.0f.json", run.callsPerSecond())),
                client.simulatorStalls());
    }

    private static void keep(Path file, String json) {
        try {
            Files.writeString(file, json);
        } catch (java.io.IOException e) {
            System.err.println("Could not keep " + file + ": " + e.getMessage());
        }
    }

    /** The one account the pool's numbers call through (the simulator was reset before the run). */
    private static Witnessed read(ProductClient client, Run run) {
        var accounts = List.copyOf(client.simulatorArrivals().values());
        if (accounts.isEmpty()) {
            return Witnessed.none(run);
        }
        if (!(accounts.getFirst() instanceof Map<?, ?> account)) {
            throw new IllegalStateException("The simulator answered arrivals in an unknown shape: " + accounts);
        }
        var transit = account.get("transit") instanceof Map<?, ?> t
                ? t.get("p50_ms") + "/" + t.get("p99_ms") + "/" + t.get("max_ms") : "-";
        return new Witnessed(run, number(account.get("calls")).longValue(),
                number(account.get("peak_per_second")).intValue(), number(account.get("mean_per_second")).doubleValue(),
                number(account.get("handled_peak_per_second")).intValue(),
                number(account.get("sent_calls")).longValue(), number(account.get("sent_peak_per_second")).intValue(),
                number(account.get("sent_mean_per_second")).doubleValue(), transit, Optional.empty());
    }

    private static Number number(@Nullable Object value) {
        if (value instanceof Number number) {
            return number;
        }
        throw new IllegalStateException("The simulator's arrivals lack a number: " + value);
    }

    private static String url(int port) {
        return "http://localhost:" + port;
    }
}
