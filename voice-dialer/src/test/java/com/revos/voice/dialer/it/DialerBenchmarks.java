package com.revos.voice.dialer.it;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.ProvisioningEvent;
import com.revos.voice.events.kafka.KafkaEnvelopes;
import com.revos.voice.testsupport.RealInfrastructure;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/** What the dialer's benchmarks share: the provider's stub, a provisioned agent and number, the API's answers. */
final class DialerBenchmarks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DialerBenchmarks() {
    }

    /**
     * ElevenLabs' outbound-call endpoint on a real HTTP server (virtual threads): {@code onArrival} sees each request
     * as it arrives, and the answer, a placed call, leaves after {@code latency}.
     */
    static HttpServer outboundCallStub(Runnable onArrival, Duration latency) {
        try {
            var server = HttpServer.create(new InetSocketAddress("localhost", 0), 1024);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/v1/convai/twilio/outbound-call", exchange -> {
                onArrival.run();
                exchange.getRequestBody().readAllBytes();
                try {
                    Thread.sleep(latency);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                var body = ("{\"success\":true,\"message\":\"ok\",\"conversation_id\":\"conv_" + UUID.randomUUID()
                        + "\",\"callSid\":\"CA1\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tenant's agent deployed and its number imported and attached, as provisioning announces them. */
    static void provision(JdbcTemplate jdbc, UUID tenant, UUID agent, UUID number) {
        var now = Instant.now();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (var event : List.of(
                    new ProvisioningEvent.AgentDeployed(agent, tenant, "t", "bench", "agent_" + agent, "en", "v", now),
                    new ProvisioningEvent.NumberImported(number, tenant, "+14155550100", "phnum_" + number, now),
                    new ProvisioningEvent.NumberAgentAttached(number, tenant, agent, "phnum_" + number, now))) {
                producer.send(KafkaEnvelopes.record(EventEnvelope.wrap(event, "/revos/bench")));
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("SELECT count(*) FROM numbers n JOIN "
                + "agents a ON a.id = n.agent_id WHERE n.id = ?", Integer.class, number) == 1);
    }

    /** The dialer's JSON answer, whatever its status (a benchmark reads what it needs from it). */
    static JsonNode call(RestClient.RequestBodySpec spec) {
        return spec.exchange((request, response) -> JSON.readTree(response.getBody().readAllBytes()));
    }
}
