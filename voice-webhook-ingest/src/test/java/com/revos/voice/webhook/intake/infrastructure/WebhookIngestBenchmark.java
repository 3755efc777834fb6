package com.revos.voice.webhook.intake.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.events.EventJson;
import com.revos.voice.events.Topics;
import com.revos.voice.testsupport.RevosIntegrationTest;
import com.revos.voice.webhook.intake.fixtures.PostCallPayloads;
import com.revos.voice.webhook.intake.model.PostCallSignature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Webhook intake benchmark (issue 5; design.md section 7: at least 5,000 signed webhooks/s, p99 under 50 ms, every
 * 2xx on Kafka exactly once, as a provider report). Starts the service on the real broker of the test JVM and measures two ways, each
 * against the same load at {@code /webhooks/noop} of the same service as the baseline (HTTP stack, security chain and
 * body read; no signature, no Kafka):
 * <ol>
 * <li>closed load: N virtual-thread clients over HTTP/1.1 keep-alive send signed post-call webhooks as fast as they
 * are answered, alternating in slices with the baseline; gives the throughput ceiling and the ratio;</li>
 * <li>open load: the target rate offered for a fixed time whatever the answers do, latency counted from when each
 * request was due; gives the p99 at the target rate.</li>
 * </ol>
 * Then every conversation answered 2xx must be on the provider-reports topic exactly once, and none on the calls
 * topic. The load generator, the service and the broker share the machine, so the figures are a floor. Not part of the test suite; run with:
 * {@code ./mvnw -pl voice-webhook-ingest test -Dtest=WebhookIngestBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.seconds=25 -Dbench.slices=5 -Dbench.warmupSeconds=5 -Dbench.concurrency=64 -Dbench.rate=5000
 * -Dbench.sustainedSeconds=30}). Figures go to the log and to {@code target/benchmarks/webhook-ingest.txt}.
 */
@RevosIntegrationTest
@TestPropertySource(properties = {
        "spring.config.name=voice-webhook-ingest",
        "revos.webhooks.benchmark-noop-enabled=true",
        "revos.webhooks.elevenlabs.secrets=" + WebhookIngestBenchmark.SECRET,
        "logging.level.com.revos.voice.webhook.intake.infrastructure.WebhookIngestBenchmark=INFO"})
class WebhookIngestBenchmark {

    static final String SECRET = "benchmark-webhook-secret";
    private static final Logger log = LoggerFactory.getLogger(WebhookIngestBenchmark.class);
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 25));
    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmupSeconds", 5));
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 64);
    private static final int SLICES = Integer.getInteger("bench.slices", 5);
    private static final int RATE = Integer.getInteger("bench.rate", 5_000);
    private static final Duration SUSTAINED = Duration.ofSeconds(Long.getLong("bench.sustainedSeconds", 30));
    private static final int CAMPAIGNS = 16;
    private static final String PLACEHOLDER = "CONVERSATION_PLACEHOLDER";

    @LocalServerPort
    int port;

    /** One load phase: what came back 2xx (and which conversations), and how fast. */
    record Phase(String name, long ok, long failed, double seconds, long[] latencyNanos, Set<String> accepted,
                 long cpuNanos) {

        static Phase merge(String name, List<Phase> slices) {
            var accepted = new HashSet<String>();
            slices.forEach(slice -> accepted.addAll(slice.accepted()));
            return new Phase(name, slices.stream().mapToLong(Phase::ok).sum(),
                    slices.stream().mapToLong(Phase::failed).sum(), slices.stream().mapToDouble(Phase::seconds).sum(),
                    slices.stream().flatMapToLong(slice -> Arrays.stream(slice.latencyNanos())).sorted().toArray(),
                    accepted, slices.stream().mapToLong(Phase::cpuNanos).sum());
        }

        /**
         * The CPU the whole test JVM spent per answered request (service, load generator and broker together): unlike
         * the rate, it does not depend on what else runs on the machine.
         */
        double cpuMicrosPerRequest() {
            return ok == 0 ? Double.NaN : cpuNanos / 1e3 / ok;
        }

        double perSecond() {
            return ok / seconds;
        }

        double percentileMillis(double p) {
            if (latencyNanos.length == 0) {
                return Double.NaN;
            }
            return latencyNanos[Math.min(latencyNanos.length - 1, (int) (latencyNanos.length * p))] / 1e6;
        }

        String line() {
            return String.format("%-22s %8d ok %6d failed %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  p99.9 %6.2f ms"
                            + "  cpu %6.0f us/req", name, ok, failed, perSecond(), percentileMillis(0.50),
                    percentileMillis(0.99), percentileMillis(0.999), cpuMicrosPerRequest());
        }
    }

    @Test
    void signed_post_call_webhooks_per_second_against_a_noop_baseline_every_2xx_on_kafka_once() throws Exception {
        var report = new ArrayList<String>();
        report.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel() + ", JDK "
                + Runtime.version() + ", load average before: " + loadAverage());
        report.add("load: " + CONCURRENCY + " concurrent virtual-thread clients, HTTP/1.1 keep-alive, " + RUN.toSeconds()
                + " s measured per endpoint in " + SLICES + " alternating slices after " + WARMUP.toSeconds()
                + " s warm-up each, ~" + templates()[0].length()
                + "-byte post_call_transcription payloads over " + CAMPAIGNS + " campaigns");

        run("noop warm-up", "/webhooks/noop", false, WARMUP, "nwarm");
        run("signed warm-up", IngestClient.POST_CALL, true, WARMUP, "swarm");
        // the two loads alternate in slices, so that the other builders' load hits baseline and subject alike
        var marker = "bench" + UUID.randomUUID().toString().substring(0, 8);
        var noopSlices = new ArrayList<Phase>();
        var signedSlices = new ArrayList<Phase>();
        for (int slice = 0; slice < SLICES; slice++) {
            noopSlices.add(run("noop slice " + slice, "/webhooks/noop", false, RUN.dividedBy(SLICES), "noop"));
            signedSlices.add(run("signed slice " + slice, IngestClient.POST_CALL, true, RUN.dividedBy(SLICES),
                    marker + "s" + slice));
        }
        var noop = Phase.merge("noop baseline", noopSlices);
        var signed = Phase.merge("signed post-call", signedSlices);
        // "sustained": an open load at the target rate, each latency measured from the moment the request was due,
        // so a stalled server cannot hide its queue by slowing the generator down (no coordinated omission)
        var noopAtRate = runAtRate("noop at " + RATE + "/s", "/webhooks/noop", false, "noop");
        var signedAtRate = runAtRate("signed at " + RATE + "/s", IngestClient.POST_CALL, true, marker + "r");
        var accepted = new HashSet<>(signed.accepted());
        accepted.addAll(signedAtRate.accepted());

        var onKafka = countOnKafka(marker);
        var onCalls = TopicScan.countContaining(marker, Topics.CALLS);
        var missing = accepted.stream().filter(id -> !onKafka.containsKey(id)).count();
        var duplicated = onKafka.values().stream().filter(count -> count > 1).count();
        var unacknowledgedButPublished = onKafka.keySet().stream().filter(id -> !accepted.contains(id)).count();
        report.add("closed load, as fast as the service answers:");
        report.add(noop.line());
        report.add(signed.line());
        report.add(String.format("signed / noop throughput ratio: %.2f", signed.perSecond() / noop.perSecond()));
        report.add(String.format("process CPU per request: noop %.0f us, signed %.0f us, the signed webhook's own %.0f us",
                noop.cpuMicrosPerRequest(), signed.cpuMicrosPerRequest(),
                signed.cpuMicrosPerRequest() - noop.cpuMicrosPerRequest()));
        report.add("open load at " + RATE + " req/s for " + SUSTAINED.toSeconds()
                + " s each, latency from when each request was due:");
        report.add(noopAtRate.line());
        report.add(signedAtRate.line());
        report.add(String.format("process CPU per request at %d req/s: noop %.0f us, signed %.0f us", RATE,
                noopAtRate.cpuMicrosPerRequest(), signedAtRate.cpuMicrosPerRequest()));
        report.add(String.format("signed / noop p99 ratio at %d req/s: %.2f", RATE,
                signedAtRate.percentileMillis(0.99) / noopAtRate.percentileMillis(0.99)));
        report.add(String.format("target (>= %d req/s with p99 < 50 ms): %s", RATE,
                signedAtRate.failed() == 0 && signedAtRate.perSecond() >= RATE * 0.99
                        && signedAtRate.percentileMillis(0.99) < 50 ? "met" : "NOT met"));
        report.add("kafka: " + accepted.size() + " acknowledged webhooks, " + onKafka.size() + " distinct reports on "
                + Topics.PROVIDER_REPORTS.name() + ", missing " + missing + ", duplicated " + duplicated
                + ", published but not acknowledged (client gave up) " + unacknowledgedButPublished + "; "
                + onCalls + " records on " + Topics.CALLS.name());
        report.add("load average after: " + loadAverage());
        report.forEach(log::info);
        var file = Path.of("target", "benchmarks", "webhook-ingest.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, report);

        assertThat(missing).as("every 2xx is on Kafka").isZero();
        assertThat(duplicated).as("and only once").isZero();
        assertThat(onCalls).as("as provider reports: call events are the dialer's alone").isZero();
    }

    private Phase run(String name, String path, boolean sign, Duration duration, String marker) throws Exception {
        var templates = templates();
        var uri = URI.create("http://localhost:" + port + path);
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        var cpuBefore = processCpuNanos();
        var started = System.nanoTime();
        var deadline = started + duration.toNanos();
        var clients = new ArrayList<Future<Phase>>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < CONCURRENCY; c++) {
                var client = c;
                clients.add(executor.submit(() -> {
                    var latencies = new long[1 << 14];
                    var ok = 0;
                    var failed = 0L;
                    var accepted = new HashSet<String>();
                    for (long n = 0; System.nanoTime() < deadline; n++) {
                        var conversation = conversation(marker, client, n);
                        var body = templates[(int) (n % CAMPAIGNS)].replace(PLACEHOLDER, conversation)
                                .getBytes(StandardCharsets.UTF_8);
                        var request = post(uri, body, sign);
                        var sent = System.nanoTime();
                        try {
                            var status = http.send(request, HttpResponse.BodyHandlers.discarding())
                                    .statusCode();
                            if (status / 100 == 2) {
                                if (ok == latencies.length) {
                                    latencies = Arrays.copyOf(latencies, ok * 2);
                                }
                                latencies[ok++] = System.nanoTime() - sent;
                                accepted.add(conversation);
                            } else {
                                failed++;
                            }
                        } catch (IOException e) {
                            failed++;
                        }
                    }
                    return new Phase(name, ok, failed, 0, Arrays.copyOf(latencies, ok), accepted, 0);
                }));
            }
        }
        var seconds = (System.nanoTime() - started) / 1e9;
        var cpu = processCpuNanos() - cpuBefore;
        var ok = 0L;
        var failed = 0L;
        var all = new ArrayList<long[]>();
        var accepted = new HashSet<String>();
        for (var client : clients) {
            var result = client.get();
            ok += result.ok();
            failed += result.failed();
            all.add(result.latencyNanos());
            accepted.addAll(result.accepted());
        }
        var merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        var phase = new Phase(name, ok, failed, seconds, merged, accepted, cpu);
        log.info(phase.line());
        return phase;
    }

    /**
     * Offers {@link #RATE} requests per second for {@link #SUSTAINED}, whatever the answers do: each request is due at
     * its slot, is sent by its own virtual thread, and its latency runs from the slot, not from the actual send.
     */
    private Phase runAtRate(String name, String path, boolean sign, String marker) throws Exception {
        var templates = templates();
        var uri = URI.create("http://localhost:" + port + path);
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        var total = (int) (RATE * SUSTAINED.toSeconds());
        var intervalNanos = 1_000_000_000L / RATE;
        var latencies = new long[total];
        var succeeded = new boolean[total];
        var cpuBefore = processCpuNanos();
        var started = System.nanoTime();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int n = 0; n < total; n++) {
                var due = started + n * intervalNanos;
                for (var wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                var request = n;
                executor.execute(() -> {
                    var body = templates[request % CAMPAIGNS]
                            .replace(PLACEHOLDER, conversation(marker, 0, request)).getBytes(StandardCharsets.UTF_8);
                    try {
                        var status = http.send(post(uri, body, sign), HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                        succeeded[request] = status / 100 == 2;
                    } catch (IOException e) {
                        succeeded[request] = false;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    latencies[request] = System.nanoTime() - due;
                });
            }
        }
        var seconds = (System.nanoTime() - started) / 1e9;
        var cpu = processCpuNanos() - cpuBefore;
        var accepted = new HashSet<String>();
        var ok = new long[total];
        var okCount = 0;
        for (int n = 0; n < total; n++) {
            if (succeeded[n]) {
                ok[okCount++] = latencies[n];
                accepted.add(conversation(marker, 0, n));
            }
        }
        var phase = new Phase(name, okCount, total - okCount, seconds,
                Arrays.stream(ok, 0, okCount).sorted().toArray(), accepted, cpu);
        log.info(phase.line());
        return phase;
    }

    private static String conversation(String marker, int client, long n) {
        return "conv_" + marker + "_" + client + "_" + n;
    }

    private static HttpRequest post(URI uri, byte[] body, boolean sign) {
        var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (sign) {
            request.header(ElevenLabsWebhookController.SIGNATURE_HEADER,
                    PostCallSignature.header(SECRET, Instant.now().getEpochSecond(), body));
        }
        return request.build();
    }

    private static String[] templates() {
        var templates = new String[CAMPAIGNS];
        for (int i = 0; i < CAMPAIGNS; i++) {
            templates[i] = new String(PostCallPayloads.bytes(PostCallPayloads.transcription(PLACEHOLDER,
                    PostCallPayloads.Ids.random())), StandardCharsets.UTF_8);
        }
        return templates;
    }

    private static HashMap<String, Integer> countOnKafka(String marker) {
        var needle = marker.getBytes(StandardCharsets.UTF_8);
        var counts = new HashMap<String, Integer>();
        TopicScan.scan(record -> {
            if (record.value() == null || TopicScan.indexOf(record.value(), needle) < 0) {
                return;
            }
            try {
                var conversation = EventJson.mapper().readTree(record.value()).path("provider_call_id").asText();
                counts.merge(conversation, 1, Integer::sum);
            } catch (IOException e) {
                counts.merge("unreadable", 1, Integer::sum);
            }
        }, Topics.PROVIDER_REPORTS);
        return counts;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .findFirst().map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

}
