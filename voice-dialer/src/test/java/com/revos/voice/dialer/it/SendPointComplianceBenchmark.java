package com.revos.voice.dialer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.revos.voice.dialer.compliance.application.DialCompliance;
import com.revos.voice.dialer.compliance.application.DialRecords;
import com.revos.voice.dialer.compliance.model.DaytimeNumbers;
import com.revos.voice.dialer.compliance.model.Evidence;
import com.revos.voice.service.LocalTokens;
import com.revos.voice.testsupport.RevosIntegrationTest;
import com.sun.net.httpserver.HttpServer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * What the compliance check at the send point costs each dial (issue 12; not in the normal build, see
 * docs/benchmarks.md): campaigns of a tenant with 50,000 numbers on its do-not-call list dial at 200 calls/s through
 * the real dispatch path, real PostgreSQL, against a stub provider. The same point of the send gate runs once with a
 * no-op in place of the check (the baseline), then with the check (list and its version, consent, the legal hours
 * in every zone, the window, the number's calls in 24 h under its advisory lock, the evidence row). Measured per
 * dial: the check itself, and the gate (pace granted) to the request written. Target: the check adds under 2 ms at
 * the 99th percentile, at 200 calls/s.
 */
@RevosIntegrationTest
@UnboundedDialerLimits
class SendPointComplianceBenchmark {

    private static final Logger log = LoggerFactory.getLogger(SendPointComplianceBenchmark.class);
    private static final double RATE = 200;
    private static final int WARM_UP = Integer.getInteger("bench.warmUp", 2_000);
    private static final int CONTACTS = Integer.getInteger("bench.contacts", 6_000);
    private static final int SUPPRESSED = 50_000;
    private static final double TARGET_MS = 2.0;
    private static final Pattern CALL_ID = Pattern.compile("\"call_id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    /** When the dialer hands each outbound-call request to its HTTP client, by call id. */
    private static final Map<UUID, Long> SENT = new ConcurrentHashMap<>();
    private static final HttpServer STUB = DialerBenchmarks.outboundCallStub(() -> { }, Duration.ZERO);

    @org.springframework.boot.test.context.TestConfiguration
    static class Instruments {

        @org.springframework.context.annotation.Bean
        org.springframework.boot.restclient.RestClientCustomizer recordSendTimes() {
            return builder -> builder.requestInterceptor((request, body, execution) -> {
                if (request.getURI().getPath().endsWith("/outbound-call")) {
                    var at = System.nanoTime();
                    var id = CALL_ID.matcher(new String(body, StandardCharsets.UTF_8));
                    if (id.find()) {
                        SENT.put(UUID.fromString(id.group(1)), at);
                    }
                }
                return execution.execute(request, body);
            });
        }

        /** Every user of the check gets the timed one: the send gate, single calls, the API. */
        @org.springframework.context.annotation.Bean
        static BeanPostProcessor timedCompliance() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DialCompliance real && !(bean instanceof TimedCompliance)
                            ? new TimedCompliance(real) : bean;
                }
            };
        }
    }

    /** The check as the send gate calls it, timed per dial; or, as the baseline, a no-op at the same point. */
    static final class TimedCompliance extends DialCompliance {

        private final DialCompliance real;
        volatile boolean checking = true;
        /** When the gate reached the check (its pace granted, in its transaction), by call id. */
        final Map<UUID, Long> gateAt = new ConcurrentHashMap<>();
        /** The check's own time per dial: the decision and, once the attempt is marked sending, its evidence. */
        final Map<UUID, Long> checkNanos = new ConcurrentHashMap<>();

        TimedCompliance(DialCompliance real) {
            super(real.rules(), null, null, null);
            this.real = real;
        }

        @Override
        public Optional<Evidence> decideAtSend(UUID callId, Instant now) {
            var start = System.nanoTime();
            gateAt.put(callId, start);
            if (!checking) {
                checkNanos.merge(callId, System.nanoTime() - start, Long::sum);
                return Optional.empty();
            }
            var decided = real.decideAtSend(callId, now);
            checkNanos.merge(callId, System.nanoTime() - start, Long::sum);
            return decided;
        }

        @Override
        public void record(Evidence decided) {
            var start = System.nanoTime();
            real.record(decided);
            if (decided.callId() != null) {
                checkNanos.merge(decided.callId(), System.nanoTime() - start, Long::sum);
            }
        }

        @Override
        public Evidence decide(DialRecords.Attempted attempt, Instant now) {
            return real.decide(attempt, now);
        }

        @Override
        public Evidence decideSingle(UUID callId, UUID tenantId, String toNumber, Instant now) {
            return real.decideSingle(callId, tenantId, toNumber, now);
        }

        @Override
        public List<Evidence> ofCall(UUID tenantId, UUID callId) {
            return real.ofCall(tenantId, callId);
        }

        void reset(boolean check) {
            checking = check;
            gateAt.clear();
            checkNanos.clear();
        }
    }

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("revos.dialer.elevenlabs.base-url", () -> "http://localhost:" + STUB.getAddress().getPort());
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DialCompliance compliance;
    @Autowired
    JwtEncoder jwtEncoder;
    @LocalServerPort
    int port;

    @Autowired
    void closeAtEnd(org.springframework.context.ConfigurableApplicationContext context) {
        CloseContextAtEnd.register(context);
        CloseContextAtEnd.register(() -> STUB.stop(0));
    }

    private record Run(String name, int dials, double achieved, double[] checkMs, double[] gateToSendMs) {

        String row() {
            return String.format(Locale.ROOT, "| %s | %,d | %.1f/s | %.3f | %.3f | %.3f | %.2f | %.2f |", name, dials,
                    achieved, pct(checkMs, 50), pct(checkMs, 99), pct(checkMs, 100), pct(gateToSendMs, 50),
                    pct(gateToSendMs, 99));
        }
    }

    @Test
    void the_check_at_the_send_point_adds_under_2_ms_p99_per_dial_at_200_calls_a_second() throws Exception {
        var timed = (TimedCompliance) compliance;
        var tenant = UUID.randomUUID();
        var agent = UUID.randomUUID();
        var number = UUID.randomUUID();
        DialerBenchmarks.provision(jdbc, tenant, agent, number);
        jdbc.update("INSERT INTO suppressions (tenant_id, phone, reason) SELECT ?, '+1999' || lpad(g::text, 7, '0'), "
                + "'bench' FROM generate_series(1, ?) g", tenant, SUPPRESSED);
        var http = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory())
                .baseUrl("http://localhost:" + port + "/v1/tenants/" + tenant)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + LocalTokens.tenantMember(jwtEncoder, "b", tenant))
                .build();
        var numbers = new Numbers(DaytimeNumbers.openNow(compliance.rules().policy(), Instant.now(),
                Duration.ofMinutes(30)));

        var warmUp = run(http, agent, number, numbers, timed, true, WARM_UP, "warm-up, with the check");
        var baseline = run(http, agent, number, numbers, timed, false, CONTACTS, "baseline: a no-op at the check's place");
        var checked = run(http, agent, number, numbers, timed, true, CONTACTS, "with the check");

        var inMemory = inMemoryDecisions(numbers.places, CONTACTS);
        var added = pct(checked.gateToSendMs(), 99) - pct(baseline.gateToSendMs(), 99);
        var report = new StringBuilder("| run | dials | rate at send | check p50 (ms) | check p99 (ms) | check max (ms) "
                + "| gate → request p50 (ms) | gate → request p99 (ms) |\n|---|---|---|---|---|---|---|---|\n")
                .append(warmUp.row()).append('\n').append(baseline.row()).append('\n').append(checked.row())
                .append('\n').append(String.format(Locale.ROOT, "| the decision alone, in memory (no database) | %,d | — "
                        + "| %.3f | %.3f | %.3f | — | — |%n", inMemory.length, pct(inMemory, 50), pct(inMemory, 99),
                        pct(inMemory, 100)))
                .append(String.format(Locale.ROOT, "%nThe check's p99: %.3f ms (target < %.1f ms); gate → "
                        + "request p99 with the check minus without: %+.3f ms. %d cores, load average %.1f at the end, "
                        + "%,d numbers on the tenant's list, places dialed: %s.%n", pct(checked.checkMs(), 99),
                        TARGET_MS, added, Runtime.getRuntime().availableProcessors(),
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), SUPPRESSED,
                        numbers.places()));
        log.warn("Send-point compliance benchmark\n{}", report);
        Files.writeString(Path.of("target", "benchmark-compliance.md"), report.toString());

        assertThat(List.of(baseline, checked)).allSatisfy(r -> {
            assertThat(r.dials()).as("%s: every contact dialed", r.name()).isEqualTo(CONTACTS);
            assertThat(r.achieved()).as("%s: the rate held", r.name()).isGreaterThan(RATE * 0.95);
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dial_evidence WHERE tenant_id = ?", Long.class, tenant))
                .as("the checked dials left their evidence, the baseline's none").isEqualTo(WARM_UP + CONTACTS);
        assertThat(pct(checked.checkMs(), 99)).as("the check's p99 (ms)").isLessThan(TARGET_MS);
        assertThat(added).as("what the check adds to the gate → request p99 (ms)").isLessThan(TARGET_MS);
    }

    private Run run(RestClient http, UUID agent, UUID number, Numbers numbers, TimedCompliance timed, boolean check,
                    int contacts, String name) {
        var created = DialerBenchmarks.call(http.post().uri("/campaigns").contentType(MediaType.APPLICATION_JSON).body(Map.of(
                "name", name, "agent_id", agent, "phone_number_id", number, "purpose", "marketing",
                "calling_window", Map.of("start_hour", 8, "end_hour", 21),
                "pacing", Map.of("calls_per_second", RATE, "max_concurrent", 100_000),
                "retry_policy", Map.of("max_attempts", 1))));
        var id = created.get("id").asText();
        var csv = new StringBuilder("phone,consent_type,consent_source,consent_obtained_at\n");
        for (int i = 0; i < contacts; i++) {
            csv.append(numbers.next()).append(",written,bench form,2026-01-05T10:00:00Z\n");
        }
        var upload = DialerBenchmarks.call(http.post().uri("/campaigns/{id}/contacts", id).contentType(MediaType.parseMediaType("text/csv"))
                .body(csv.toString()));
        assertThat(upload.get("accepted").asInt()).as("%s", upload).isEqualTo(contacts);
        SENT.clear();
        timed.reset(check);
        DialerBenchmarks.call(http.post().uri("/campaigns/{id}/start", id));
        await().atMost(Duration.ofSeconds((long) (contacts / RATE * 3) + 60)).until(() -> SENT.size() >= contacts);
        DialerBenchmarks.call(http.post().uri("/campaigns/{id}/cancel", id));

        var sends = SENT.values().stream().mapToLong(Long::longValue).sorted().toArray();
        var achieved = (sends.length - 1) * 1e9 / (sends[sends.length - 1] - sends[0]);
        var checkMs = new ArrayList<Double>();
        var gateToSendMs = new ArrayList<Double>();
        SENT.forEach((callId, sentAt) -> {
            var gate = timed.gateAt.get(callId);
            var own = timed.checkNanos.get(callId);
            if (gate != null && own != null) {
                checkMs.add(own / 1e6);
                gateToSendMs.add((sentAt - gate) / 1e6);
            }
        });
        return new Run(name, SENT.size(), achieved, sorted(checkMs), sorted(gateToSendMs));
    }

    /**
     * The rules' part of the check on its own: the same decisions (zones, states, ceiling, window, cap, consent) from
     * facts in memory, to tell the model's time from the database's in the check's figures.
     */
    private double[] inMemoryDecisions(List<DaytimeNumbers.Place> places, int count) {
        var numbers = new Numbers(places);
        var consent = new com.revos.voice.dialer.compliance.model.Consent(
                com.revos.voice.dialer.compliance.model.ConsentType.WRITTEN, "bench form",
                Instant.parse("2026-01-05T10:00:00Z"));
        var contact = new com.revos.voice.dialer.compliance.model.ContactFacts(null, null, null, consent);
        var tenant = UUID.randomUUID();
        var times = new ArrayList<Double>();
        for (int i = 0; i < count; i++) {
            var now = Instant.now();
            var facts = new com.revos.voice.dialer.compliance.model.DialFacts(UUID.randomUUID(), tenant,
                    UUID.randomUUID(), UUID.randomUUID(), 1, numbers.next(), contact,
                    new com.revos.voice.events.CallingWindow(8, 21, null),
                    com.revos.voice.dialer.compliance.model.Purpose.MARKETING,
                    new com.revos.voice.dialer.compliance.model.DialFacts.SuppressionStatus(false, null, 1, now),
                    List.of(), new com.revos.voice.dialer.compliance.model.DialFacts.TenantRules(10, true));
            var start = System.nanoTime();
            var decided = compliance.rules().decide(facts, now, UUID.randomUUID());
            times.add((System.nanoTime() - start) / 1e6);
            assertThat(decided.allowed()).as("%s", decided).isTrue();
        }
        return sorted(times);
    }

    /** Numbers of the places inside their legal hours now, each used once. */
    private static final class Numbers {

        private final List<DaytimeNumbers.Place> places;
        private int place;
        private long next;

        Numbers(List<DaytimeNumbers.Place> open) {
            assertThat(open).as("a place inside its legal hours now (none on weekends 11:00-12:00 UTC)").isNotEmpty();
            // US places only: their 555 exchanges are valid numbers for every four digits
            this.places = open.stream().filter(p -> p.pattern().startsWith("+1") && p.pattern().endsWith("XXXX")
                    && p.pattern().indexOf('X') == p.pattern().length() - 4).toList();
            assertThat(places).as("a US place open now among %s", open).isNotEmpty();
        }

        String next() {
            if (next == 10_000) {
                next = 0;
                place++;
                assertThat(place).as("enough numbers in %s", places).isLessThan(places.size());
            }
            var pattern = places.get(place).pattern();
            return pattern.substring(0, pattern.length() - 4) + String.format("%04d", next++);
        }

        String places() {
            return places.subList(0, place + 1).stream().map(DaytimeNumbers.Place::name).toList().toString();
        }
    }

    private static double[] sorted(List<Double> values) {
        var array = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(array);
        return array;
    }

    static double pct(double[] sorted, double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        var index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
