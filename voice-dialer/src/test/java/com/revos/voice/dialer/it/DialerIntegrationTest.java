package com.revos.voice.dialer.it;

import com.revos.voice.events.kafka.KafkaEnvelopes;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.revos.voice.events.CallOutcome;
import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.CallResult;
import com.revos.voice.events.CallTiming;
import com.revos.voice.events.ProviderReport.CallReported;
import com.revos.voice.events.ProvisioningEvent;
import com.revos.voice.events.VoiceEvent;
import com.revos.voice.service.LocalTokens;
import com.revos.voice.testsupport.RealInfrastructure;
import com.revos.voice.testsupport.RevosIntegrationTest;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Every voice-dialer IT extends this, so they all share one Spring context (real Kafka and PostgreSQL) and one
 * WireMock server standing in for ElevenLabs. Each test works in a tenant of its own.
 */
@RevosIntegrationTest
@Import(DialerIntegrationTest.Clocks.class)
@TestPropertySource(properties = {
    "spring.config.name=voice-dialer",
    "revos.dialer.dispatch.tick=50ms",
    "revos.dialer.dispatch.outage-backoff=1s",
    "revos.dialer.dispatch.reconcile-every=1h",
    "revos.dialer.dispatch.recover-every=300ms",
    "revos.dialer.dispatch.settle-after=1s",
    "revos.dialer.elevenlabs.read-timeout=1500ms",
    // sized for a loaded 2-core test machine, where a grant's request may reach the stub 400 ms late (ADR 0010)
    "revos.dialer.dispatch.shared-pacing-guard=500ms",
    // every test class shares one database: calls other tests left in flight must not fill the account
    "revos.dialer.provider-account.max-concurrent=1000000",
    "revos.dialer.tenant-limits.overrides." + DialerIntegrationTest.SLOW_TENANT + ".calls-per-second=8",
    "revos.dialer.tenant-limits.overrides." + DialerIntegrationTest.SLOW_TENANT + ".max-concurrent=100",
    "resilience4j.circuitbreaker.instances.elevenlabs.wait-duration-in-open-state=500ms",
    "resilience4j.circuitbreaker.instances.elevenlabs.minimum-number-of-calls=5",
    // small enough that a test can pass them cheaply, large enough for the 20,000-row upload
    "revos.dialer.contacts.max-bytes=1MB",
    "revos.dialer.contacts.max-rejections-listed=10"})
abstract class DialerIntegrationTest {

    /** The dialer's one clock (the outbox's default steps back for it): midday in New York, see {@link TestClock}. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    static final TestClock CLOCK = TestClock.INSTANCE;

    static final Duration PATIENCE = Duration.ofSeconds(30);
    /** A tenant whose limit is 8 calls per second (set in the properties above), for the shared-pacing test. */
    static final String SLOW_TENANT = "5d0e9c1a-0000-4000-8000-00000000005a";
    static final ObjectMapper JSON = new ObjectMapper();
    static final ProviderWitness WITNESS = new ProviderWitness();
    static final WireMockServer ELEVENLABS = new WireMockServer(options().dynamicPort().containerThreads(40)
            .extensions(WITNESS, WITNESS.conversations));
    static final KafkaProducer<String, byte[]> PRODUCER;
    static final String OUTBOUND = "/v1/convai/twilio/outbound-call";

    static {
        ELEVENLABS.start();
        stubSuccess();
        stubConversations();
        PRODUCER = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @DynamicPropertySource
    static void elevenLabs(DynamicPropertyRegistry registry) {
        registry.add("revos.dialer.elevenlabs.base-url", ELEVENLABS::baseUrl);
        // the same stub server holds the Twilio account ElevenLabs dials through
        registry.add("revos.dialer.twilio.base-url", ELEVENLABS::baseUrl);
    }

    private static final java.util.concurrent.atomic.AtomicBoolean REGISTERED =
            new java.util.concurrent.atomic.AtomicBoolean();

    @Autowired
    void closeAtEnd(org.springframework.context.ConfigurableApplicationContext context) {
        if (REGISTERED.compareAndSet(false, true)) {
            CloseContextAtEnd.register(context);
            CloseContextAtEnd.register(() -> PRODUCER.close(Duration.ofSeconds(2)));
            CloseContextAtEnd.register(ELEVENLABS::stop);
        }
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JwtEncoder jwtEncoder;
    @LocalServerPort
    int port;

    /** The default answer: the call is placed. */
    static void stubSuccess() {
        ELEVENLABS.stubFor(WireMock.post(urlEqualTo(OUTBOUND)).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"success\":true,\"message\":\"ok\",\"conversation_id\":\"conv_{{jsonPath request.body "
                        + "'$.conversation_initiation_client_data.dynamic_variables.call_id'}}\","
                        + "\"callSid\":\"CA{{randomValue length=32 type='ALPHANUMERIC'}}\"}")
                .withTransformers("response-template")));
    }

    /** The provider's conversation list and details, from what it really placed (the {@link ProviderWitness}). */
    static void stubConversations() {
        ELEVENLABS.stubFor(WireMock.get(WireMock.urlPathEqualTo("/v1/convai/conversations")).atPriority(10)
                .willReturn(aResponse().withTransformers(ProviderWitness.NAME)));
        ELEVENLABS.stubFor(WireMock.get(WireMock.urlPathMatching("/v1/convai/conversations/conv_[0-9a-f-]{36}"))
                .atPriority(10).willReturn(aResponse().withTransformers(ProviderWitness.NAME)));
        ELEVENLABS.stubFor(WireMock.get(WireMock.urlPathMatching("/2010-04-01/Accounts/[^/]+/Calls.json"))
                .atPriority(10).willReturn(aResponse().withTransformers(ProviderWitness.NAME)));
    }

    private static final java.util.regex.Pattern TO_NUMBER =
            java.util.regex.Pattern.compile("\"to_number\"\\s*:\\s*\"([^\"]+)\"");

    /** How often each number was dialed, from one pass over WireMock's journal. */
    static Map<String, Long> dialCounts() {
        var counts = new java.util.HashMap<String, Long>();
        for (var event : ELEVENLABS.getAllServeEvents()) {
            if (OUTBOUND.equals(event.getRequest().getUrl())) {
                var matcher = TO_NUMBER.matcher(event.getRequest().getBodyAsString());
                if (matcher.find()) {
                    counts.merge(matcher.group(1), 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    static int dialsTo(String number) {
        return dialCounts().getOrDefault(number, 0L).intValue();
    }

    static int dialed(java.util.Collection<String> numbers) {
        var counts = dialCounts();
        return numbers.stream().mapToInt(n -> counts.getOrDefault(n, 0L).intValue()).sum();
    }

    /** Publishes the event as a new envelope, and returns it. */
    static EventEnvelope publish(VoiceEvent event) {
        var envelope = EventEnvelope.wrap(event, "/revos/test");
        send(envelope);
        return envelope;
    }

    /** Sends the envelope as it is: sent again, it is a redelivery. */
    static void send(EventEnvelope envelope) {
        PRODUCER.send(KafkaEnvelopes.record(envelope));
        PRODUCER.flush();
    }

    /** The webhook intake's report on a single call, as {@code POST /calls} answered it. */
    static CallReported completion(Provisioned p, JsonNode call, CallOutcome outcome, int seconds, String cost) {
        return report(call.get("provider_call_id").asText(), call.get("to_number").asText(),
                call.get("id").asText(), outcome, seconds, cost);
    }

    /** An ElevenLabs post-call report as the intake publishes it, echoing {@code echoedCallId} (may be null). */
    static CallReported report(String conversationId, String toNumber, String echoedCallId, CallOutcome outcome,
                               int seconds, String costUsd) {
        var kind = outcome == CallOutcome.BUSY || outcome == CallOutcome.NO_ANSWER ? "call_initiation_failure"
                : "post_call_transcription";
        return new CallReported("elevenlabs", kind, conversationId, null, null, toNumber,
                new CallTiming(Instant.now(), seconds), outcome, true,
                new CallResult(outcome == CallOutcome.CONNECTED, outcome == CallOutcome.CONNECTED ? 0.8 : null,
                        "ended", Map.of(), "A short call."),
                new CallReported.Charge(new BigDecimal(costUsd), new BigDecimal("120")),
                echoedCallId == null ? Map.of() : Map.of("call_id", echoedCallId), Instant.now());
    }

    /** A tenant with a deployed agent and an imported, attached number, as voice-provisioning announces them. */
    record Provisioned(UUID tenantId, UUID agentId, UUID numberId, String token) {
    }

    Provisioned provision() {
        return provision(UUID.randomUUID());
    }

    Provisioned provision(UUID tenant) {
        var agent = UUID.randomUUID();
        var number = UUID.randomUUID();
        var now = Instant.now();
        var phnum = "phnum_" + number.toString().substring(0, 8);
        publish(new ProvisioningEvent.AgentDeployed(agent, tenant, "sdr", "Acme SDR", "agent_" + agent, "en", "v1", now));
        publish(new ProvisioningEvent.NumberAssigned(number, tenant, "+14155550100", "US", "PN1", false, now));
        publish(new ProvisioningEvent.NumberImported(number, tenant, "+14155550100", phnum, now));
        publish(new ProvisioningEvent.NumberAgentAttached(number, tenant, agent, phnum, now));
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("SELECT count(*) FROM numbers n JOIN agents a "
                + "ON a.id = n.agent_id WHERE n.id = ? AND n.provider_phone_number_id IS NOT NULL", Integer.class,
                number) == 1);
        return new Provisioned(tenant, agent, number, LocalTokens.tenantMember(jwtEncoder, "tester", tenant));
    }

    RestClient http(Provisioned p) {
        // the JDK client, named: with Apache's on the classpath (the dialer's provider calls) RestClient would pick
        // that one, which waits out a Retry-After and asks again
        return RestClient.builder().requestFactory(new JdkClientHttpRequestFactory())
                .baseUrl("http://localhost:" + port + "/v1/tenants/" + p.tenantId())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + p.token())
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    /** POSTs JSON; returns status and body. */
    Response post(Provisioned p, String path, Object body) {
        return exchange(http(p).post().uri(path).contentType(MediaType.APPLICATION_JSON).body(write(body)));
    }

    /** PUTs JSON; returns status and body. */
    Response put(Provisioned p, String path, Object body) {
        return exchange(http(p).put().uri(path).contentType(MediaType.APPLICATION_JSON).body(write(body)));
    }

    Response postWithKey(Provisioned p, String path, Object body, String key) {
        return exchange(http(p).post().uri(path).header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .body(write(body)));
    }

    Response postCsv(Provisioned p, String path, String csv) {
        return exchange(http(p).post().uri(path).contentType(MediaType.parseMediaType("text/csv")).body(csv));
    }

    Response get(Provisioned p, String path) {
        return exchange(http(p).get().uri(path));
    }

    /** DELETEs {@code path}, whose query is already encoded. */
    Response delete(Provisioned p, String path) {
        return exchange(http(p).delete().uri(URI.create("http://localhost:" + port + "/v1/tenants/" + p.tenantId()
                + path)));
    }

    record Response(int status, JsonNode body) {
    }

    private static Response exchange(RestClient.RequestHeadersSpec<?> spec) {
        return spec.exchange((request, response) -> {
            var bytes = response.getBody().readAllBytes();
            return new Response(response.getStatusCode().value(), bytes.length == 0 ? null : JSON.readTree(bytes));
        });
    }

    private static String write(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * A campaign open in the widest legal hours every day (informational: no consent needed); the tests' clock makes
     * it midday for their numbers, so they do not depend on the hour they run at.
     */
    Map<String, Object> campaignBody(Provisioned p, double cps, int maxAttempts, int busyDelay) {
        return Map.of("name", "Spring promo", "agent_id", p.agentId().toString(),
                "phone_number_id", p.numberId().toString(), "purpose", "informational",
                "calling_window", Map.of("start_hour", 8, "end_hour", 21),
                "pacing", Map.of("calls_per_second", cps, "max_concurrent", 50),
                "retry_policy", Map.of("max_attempts", maxAttempts,
                        "delays", Map.of("busy", busyDelay, "no_answer", 0, "voicemail", 0, "failed", 0)));
    }

    String createCampaign(Provisioned p, double cps, int maxAttempts, int busyDelay) {
        var created = post(p, "/campaigns", campaignBody(p, cps, maxAttempts, busyDelay));
        if (created.status() != 201) {
            throw new AssertionError("campaign not created: " + created);
        }
        return created.body().get("id").asText();
    }

    private static final java.util.concurrent.atomic.AtomicLong NUMBERS =
            new java.util.concurrent.atomic.AtomicLong((long) (Math.random() * 1_000_000));

    /** A valid New York number no other test in this JVM uses (exchanges 201-499). */
    static String nextNumber() {
        var n = NUMBERS.incrementAndGet() % 2_990_000;
        return "+1212" + (201 + n / 10_000) + String.format("%04d", n % 10_000);
    }

    String contactState(String campaignId, String phone) {
        return jdbc.queryForObject("SELECT state FROM contacts WHERE campaign_id = ?::uuid AND phone = ?", String.class,
                campaignId, phone);
    }

    int attempts(String campaignId, String phone) {
        return jdbc.queryForObject("SELECT attempts FROM contacts WHERE campaign_id = ?::uuid AND phone = ?",
                Integer.class, campaignId, phone);
    }

}
