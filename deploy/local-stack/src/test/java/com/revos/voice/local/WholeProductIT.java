package com.revos.voice.local;

import com.revos.voice.events.kafka.KafkaEnvelopes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.revos.voice.dialer.DialerApplication;
import com.revos.voice.testsupport.RealInfrastructure;
import com.revos.voice.events.EventSchemas;
import com.revos.voice.events.Topics;
import com.revos.voice.testsupport.KafkaProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.DriverManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * The whole product on the real broker and database: all four services and the telephony simulator, driven through
 * the public APIs only, as in the seed's smoke test — template deployment, number assignment, batch launch, call
 * records, webhook processing, usage ledger, optimizer trigger and the metrics the dashboards query.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WholeProductIT {

    private static final List<ServiceLauncher.Service> services = new ArrayList<>();
    private static LocalPorts ports;
    private static ProductClient client;
    private static final UUID TENANT = UUID.randomUUID();
    private static final int MAX_CONCURRENT = 10;
    private static SecretsInLogs secretsInLogs;
    private static final String DATABASE_PASSWORD = "whole-product-db-" + UUID.randomUUID();
    private static final String PREVIOUS_JWT_KEY = "whole-product-previous-jwt-key-" + UUID.randomUUID();
    private static String operatorToken;

    /**
     * Every service binds port 0 and reports the port it got: none is chosen beforehand (issue 14, ADR 0017). The
     * database password and a rotation's previous JWT key are set to values of this run only (the embedded database
     * trusts local connections): the documented local defaults include {@code postgres}, which no log scan can tell
     * from the JDBC URL, and an unset previous key would leave that secret unwatched.
     */
    @BeforeAll
    static void startTheWholeProduct() {
        var launcher = new ServiceLauncher(RealInfrastructure.jdbcUrl(), RealInfrastructure.kafkaBootstrapServers(),
                Map.of("revos.outbox.drop-slot-on-shutdown", "true",
                        "revos.simulator.seed", "7",
                        "revos.simulator.api-latency", "20ms",
                        "spring.datasource.password", DATABASE_PASSWORD,
                        "REVOS_JWT_PREVIOUS_KEYS", "whole-product-previous:" + PREVIOUS_JWT_KEY));
        var started = SecretsInLogs.whileStarting(() -> {
            var webhookIngest = started(launcher.start(LocalService.WEBHOOK_INGEST, 0, null, null));
            var simulator = started(launcher.start(LocalService.SIMULATOR, 0, webhookIngest.url(), null));
            var provisioning = started(launcher.start(LocalService.PROVISIONING, 0, null, simulator.url()));
            var dialer = started(launcher.start(LocalService.DIALER, 0, null, simulator.url()));
            var optimizer = started(launcher.start(LocalService.OPTIMIZER, 0, null, simulator.url()));
            return new LocalPorts(provisioning.port(), dialer.port(), webhookIngest.port(), optimizer.port(),
                    simulator.port(), 0, 0, 0);
        });
        ports = started.services();
        var tokens = LocalTokenIssuer.fromEnvironment();
        operatorToken = tokens.operator();
        var tenantToken = tokens.tenant(TENANT);
        // every secret the services are configured with was taken as each started; the tokens the run uses too
        secretsInLogs = started.watch().alsoWatch(operatorToken, tenantToken);
        client = new ProductClient(url(ports.provisioning()), url(ports.dialer()), url(ports.optimizer()),
                url(ports.simulator()), tenantToken, operatorToken);
    }

    private static ServiceLauncher.Service started(ServiceLauncher.Service service) {
        services.add(service);
        return service;
    }

    @AfterAll
    static void stopTheWholeProduct() {
        services.reversed().forEach(ServiceLauncher.Service::close);
    }

    @Test
    @Order(1)
    void a_campaign_runs_end_to_end_and_the_optimizer_pauses_it_when_the_failure_rate_rises() {
        client.simulatorConfig(Map.of("failure_rate", 0.0, "answer_rate", 0.8, "min_duration_secs", 1,
                "max_duration_secs", 2));
        var scenario = new CampaignScenario(client, TENANT);
        var prepared = scenario.prepare("+14155550" + (100 + (int) (Math.random() * 899)), 400, 20, MAX_CONCURRENT);
        assertThat(prepared.upload()).containsKey("accepted");
        scenario.start(prepared.campaignId());

        // calls are placed, their webhooks come back, the dialer records outcomes
        await().atMost(Duration.ofSeconds(60)).until(() -> completedCalls(prepared.campaignId()).size() >= 20);

        // the failure burst: the stop-loss (failed/attempted > 30 %) must pause the campaign
        client.simulatorConfig(Map.of("failure_rate", 0.9));
        await().atMost(Duration.ofSeconds(90)).until(() ->
                "paused".equals(String.valueOf(client.campaign(TENANT, prepared.campaignId()).get("status"))));

        // no contact is dialed after the pause beyond the calls already in flight
        var placedAtPause = placed();
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                .until(() -> placed() <= placedAtPause + MAX_CONCURRENT);

        // the optimizer's trail: the stop-loss decision, and its pause command confirmed by the dialer
        await().atMost(Duration.ofSeconds(30)).until(() -> stopLossConfirmed(prepared.campaignId()));

        // every completed call appears exactly once in the call records and in the usage ledger
        await().atMost(Duration.ofSeconds(60)).until(() -> inFlight(prepared.campaignId()) == 0);
        var completed = completedCalls(prepared.campaignId());
        var ids = new HashSet<Object>();
        completed.forEach(call -> assertThat(ids.add(call.get("id"))).as("call %s once", call.get("id")).isTrue());
        var usage = client.usage(TENANT, Instant.now().minus(Duration.ofHours(1)).toString(),
                Instant.now().plus(Duration.ofHours(1)).toString());
        assertThat(((Number) usage.get("calls")).intValue()).isEqualTo(completed.size());

        // the metrics the dashboards query are exported
        var metrics = scrape(ports.dialer()) + scrape(ports.webhookIngest()) + scrape(ports.optimizer())
                + scrape(ports.provisioning());
        assertThat(metrics).contains("revos_outbox_relay_published_total", "revos_webhook_", "revos_dialer_",
                "revos_optimizer_", "revos_consumer_batch_size_count");
    }

    @Test
    @Order(2)
    void a_provisioning_state_change_is_published_by_its_relay_and_applied_once_by_the_dialer() throws Exception {
        var tenant = UUID.randomUUID();
        var tokens = LocalTokenIssuer.fromEnvironment();
        var tenantToken = tokens.tenant(tenant);
        secretsInLogs.alsoWatch(tenantToken);
        var tenantClient = new ProductClient(url(ports.provisioning()), url(ports.dialer()), url(ports.optimizer()),
                url(ports.simulator()), tenantToken, tokens.operator());
        try (var probe = KafkaProbe.on(Topics.PROVISIONING)) {
            // a range of its own: the campaign test's pool number is drawn from +14155550100-998, the console's from
            // +1415555xxxx, and a clash is refused as "already in the pool" (it failed a run once)
            var digits = String.format("%04d", (int) (Math.random() * 10_000));
            tenantClient.addPoolNumber("+1415557" + digits, "PN" + "0".repeat(28) + digits);
            var number = tenantClient.assignNumber(tenant, "US");

            // (a) on its topic, keyed by the number, with the CloudEvents headers
            var assigned = await().atMost(Duration.ofSeconds(30)).until(() -> probe.envelopes(e ->
                    tenant.equals(e.tenantId()) && e.type().equals("revos.voice.number.assigned.v1")), l -> !l.isEmpty())
                    .getFirst();
            assertThat(assigned.key()).isEqualTo(String.valueOf(number.get("id")));
            assertThat(assigned.source()).isEqualTo("/revos/voice-provisioning");
            assertThat(EventSchemas.violations(assigned)).isEmpty();

            // applied once by the dialer, in the same transaction as its read model
            await().atMost(Duration.ofSeconds(30)).until(() -> dialerApplied(assigned.id()) == 1);

            // a redelivery (as after a relay crash) changes nothing
            var duplicatesBefore = dialerDuplicates();
            try (var producer = new KafkaProducer<String, byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    RealInfrastructure.kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
                producer.send(KafkaEnvelopes.record(assigned)).get();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> dialerDuplicates() > duplicatesBefore);
            assertThat(dialerApplied(assigned.id())).isEqualTo(1);
        }
    }

    private static int dialerApplied(UUID eventId) throws Exception {
        try (var connection = DriverManager.getConnection(RealInfrastructure.jdbcUrl());
             var statement = connection.prepareStatement(
                     "SELECT count(*) FROM dialer.processed_events WHERE event_id = ?")) {
            statement.setObject(1, eventId);
            var rows = statement.executeQuery();
            rows.next();
            return rows.getInt(1);
        }
    }

    private static double dialerDuplicates() {
        var dialer = services.stream().filter(service -> service.name().equals(DialerApplication.CONFIG_NAME))
                .findFirst().orElseThrow();
        return dialer.context().getBean(MeterRegistry.class).find("revos.consumer.events").tag("result", "duplicate")
                .counters().stream().mapToDouble(counter -> counter.count()).sum();
    }

    /**
     * A real Prometheus scrapes the running product; every dashboard panel's query must run against it, and the
     * series behind the panels of the core flow (calls, outcomes, optimizer, outbox, webhooks) must be there. Panels for
     * failure modes that this healthy run does not produce (open circuits, signature failures), and per-campaign
     * pacing gauges (present only while a campaign runs; it is paused by now) may be empty.
     */
    @Test
    @Order(3)
    void every_dashboard_query_runs_on_a_real_prometheus_and_the_core_panels_return_data() throws Exception {
        Assumptions.assumeTrue(RealPrometheus.installed(),
                "Prometheus is not installed (apt-get install prometheus); .ci/run installs it");
        var jobs = Map.of("voice-provisioning", ports.provisioning(), "voice-dialer", ports.dialer(),
                "voice-webhook-ingest", ports.webhookIngest(), "kernel-optimizer", ports.optimizer(),
                "telephony-simulator", ports.simulator());
        try (var prometheus = RealPrometheus.scrape(jobs, Path.of("target/prometheus-" + System.nanoTime()))) {
            await().atMost(Duration.ofSeconds(60)).until(prometheus::ready);
            await().atMost(Duration.ofSeconds(60)).until(() -> prometheus.query("up == 1").size() == jobs.size());
            // rates over [1m] need a few samples
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    prometheus.query("rate(revos_outbox_relay_published_total[1m])").size() > 0);

            var queries = DashboardQueries.load().queries();
            assertThat(queries).hasSizeGreaterThan(20);
            for (var query : queries) {
                // throws, naming the panel's query, when Prometheus rejects it
                prometheus.query(query.expr());
            }
            var core = List.of("revos_dialer_calls_placed_total", "revos_dialer_calls_in_flight",
                    "revos_optimizer_decisions_total", "revos_outbox_relay_published_total",
                    "revos_webhook_requests_total", "revos_consumer_events_total", "simulator_calls_placed_total");
            for (var metric : core) {
                assertThat(queries).as("dashboard panels on %s", metric).anyMatch(q -> q.expr().contains(metric));
                assertThat(prometheus.query(metric).size()).as("series of %s in Prometheus", metric).isPositive();
            }
        }
    }

    private static List<Map<String, Object>> allCalls(Object campaignId) {
        var all = new ArrayList<Map<String, Object>>();
        for (int offset = 0; ; offset += 500) {
            var page = ProductClient.items(client.calls(TENANT, campaignId, 500, offset));
            all.addAll(page);
            if (page.size() < 500) {
                return all;
            }
        }
    }

    private static List<Map<String, Object>> completedCalls(Object campaignId) {
        return allCalls(campaignId).stream().filter(call -> "completed".equals(call.get("state"))).toList();
    }

    /** Placed calls still waiting for their outcome (webhook or reconciliation). */
    private static long inFlight(Object campaignId) {
        return allCalls(campaignId).stream()
                .filter(call -> List.of("requested", "initiated").contains(call.get("state"))).count();
    }

    @SuppressWarnings("unchecked")
    private static boolean stopLossConfirmed(Object campaignId) {
        return ProductClient.items(client.decisions(TENANT, campaignId)).stream()
                .filter(item -> String.valueOf(item.get("rule")).toLowerCase().contains("stop"))
                .map(item -> (Map<String, Object>) item.get("action"))
                .anyMatch(action -> action != null && action.get("confirmed_at") != null);
    }

    private static long placed() {
        return ((Number) client.simulatorCalls().get("placed")).longValue();
    }

    /**
     * After the whole run (the starts, a campaign, webhooks, the optimizer's pause, consumers, Prometheus scraping): no
     * log line held a value any service is configured with as a secret (every property the services' start checks:
     * JWT keys current and previous, database password, provider keys and tokens, webhook secrets) or a token, and
     * neither health details (for the operator) nor the other actuator endpoints show one; nor does any record the
     * run put on the contract's topics.
     */
    @Test
    @Order(4)
    void no_secret_reached_a_log_line_an_event_or_the_actuator_during_the_run() {
        var configured = secretsInLogs.configured();
        assertThat(configured).containsKeys("voice-provisioning", "voice-dialer", "voice-webhook-ingest",
                "kernel-optimizer");
        assertThat(configured.get("voice-dialer")).contains(LocalTokenIssuer.DEFAULT_SECRET, PREVIOUS_JWT_KEY,
                DATABASE_PASSWORD, "local-twilio-token", "local-elevenlabs-key");
        assertThat(configured.get("voice-webhook-ingest")).contains("local-webhook-secret", "local-twilio-token");
        assertThat(configured.get("kernel-optimizer")).contains(DATABASE_PASSWORD, PREVIOUS_JWT_KEY);
        var secrets = configured.values().stream().flatMap(List::stream).distinct().toList();
        for (var port : List.of(ports.provisioning(), ports.dialer(), ports.webhookIngest(), ports.optimizer())) {
            var health = RestClient.create(url(port)).get().uri("/actuator/health")
                    .header("Authorization", "Bearer " + operatorToken).retrieve().body(String.class);
            assertThat(health).contains("components");
            secrets.forEach(secret -> assertThat(health).doesNotContain(secret));
            for (var path : List.of("/actuator/env", "/actuator/configprops")) {
                var status = RestClient.create(url(port)).get().uri(path)
                        .header("Authorization", "Bearer " + operatorToken).exchange((request, response) ->
                                response.getStatusCode().value());
                assertThat(status).as(path).isIn(401, 403, 404);
            }
        }
        assertThat(secretsInLogs.secrets()).containsAll(secrets).contains(operatorToken);
        assertThat(secretsInLogs.lines()).isPositive();
        assertThat(secretsInLogs.leaks()).isEmpty();
        assertThat(secretsInEvents(secretsInLogs.secrets())).isEmpty();
    }

    /** Every record of the run on every topic of the contract (key, value, headers) that holds one of the secrets. */
    private static List<String> secretsInEvents(java.util.Set<String> secrets) {
        try (var probe = KafkaProbe.on(Topics.ALL.toArray(com.revos.voice.events.Topic<?>[]::new))) {
            var previous = new java.util.concurrent.atomic.AtomicInteger(-1);
            // read to the end: two polls in a row that find nothing new
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                var size = probe.poll().size();
                return size > 0 && size == previous.getAndSet(size);
            });
            var leaks = new ArrayList<String>();
            for (var record : probe.poll()) {
                var text = new StringBuilder(String.valueOf(record.key())).append('\n')
                        .append(new String(record.value() == null ? new byte[0] : record.value(),
                                java.nio.charset.StandardCharsets.UTF_8));
                record.headers().forEach(header -> text.append('\n').append(header.key()).append('=')
                        .append(new String(header.value() == null ? new byte[0] : header.value(),
                                java.nio.charset.StandardCharsets.UTF_8)));
                secrets.stream().filter(secret -> text.indexOf(secret) >= 0).forEach(secret -> leaks.add(
                        record.topic() + "@" + record.offset() + ": a configured secret (" + secret.length()
                                + " chars)"));
            }
            assertThat(previous.get()).as("records of the run on the contract's topics").isPositive();
            return leaks;
        }
    }

    private static String scrape(int port) {
        return RestClient.create(url(port)).get().uri("/actuator/prometheus").retrieve().body(String.class);
    }

    private static String url(int port) {
        return "http://localhost:" + port;
    }
}
