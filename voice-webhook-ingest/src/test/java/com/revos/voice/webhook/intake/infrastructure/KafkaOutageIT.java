package com.revos.voice.webhook.intake.infrastructure;

import static com.revos.voice.webhook.intake.fixtures.PostCallPayloads.bytes;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.revos.voice.events.Topics;
import com.revos.voice.testsupport.ReservedPorts;
import com.revos.voice.webhook.WebhookIngestApplication;
import com.revos.voice.webhook.intake.fixtures.PostCallPayloads;
import com.revos.voice.webhook.intake.fixtures.PostCallPayloads.Ids;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import kafka.server.BrokerServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Kafka goes down in the middle of the intake's work and comes back. The shared broker serves other test classes, so
 * this one runs the service on a broker of its own, stops that broker's server (its data stays), and starts it
 * again on the same port: webhooks acknowledged before the outage stay on Kafka, the ones sent during it get a quick
 * 503 with Retry-After and nothing is acknowledged, and the sender's retries after it are published, each under the
 * one event id of its conversation.
 */
class KafkaOutageIT {

    /** The broker comes back on the same port, so it cannot take port 0: a reserved one, held for the class. */
    private static ReservedPorts.Reservation kafkaPort;
    private static EmbeddedKafkaKraftBroker kafka;
    private static ConfigurableApplicationContext service;
    private static IngestClient client;

    @BeforeAll
    static void startTheServiceOnABrokerOfItsOwn() {
        kafkaPort = ReservedPorts.reserve();
        kafka = new EmbeddedKafkaKraftBroker(1, 1, Topics.PROVIDER_REPORTS.name(), Topics.QUARANTINE.name(),
                Topics.CALLS.name())
                .kafkaPorts(kafkaPort.port());
        kafka.afterPropertiesSet();
        service = new SpringApplicationBuilder(WebhookIngestApplication.class).run(
                "--spring.config.name=" + WebhookIngestApplication.CONFIG_NAME,
                "--server.port=0",
                "--spring.profiles.active=local",
                "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                "--revos.webhooks.elevenlabs.secrets=" + IngestServiceContext.SECRET,
                "--revos.webhooks.retry-after=7s");
        client = new IngestClient(((WebServerApplicationContext) service).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (kafka != null) {
            kafka.destroy();
        }
        if (kafkaPort != null) {
            kafkaPort.close();
        }
    }

    @Test
    void webhooks_during_a_broker_outage_are_refused_with_503_and_their_retries_are_published_once_it_is_back() {
        var before = PostCallPayloads.conversationId("before-outage");
        var during = PostCallPayloads.conversationId("during-outage");
        var beforeBody = bytes(PostCallPayloads.transcription(before, Ids.random()));
        var duringBody = bytes(PostCallPayloads.transcription(during, Ids.random()));
        assertThat(client.postCall(beforeBody).statusCode()).isEqualTo(200);

        brokers(BrokerServer::shutdown);
        var started = System.nanoTime();
        var refused = client.postCall(duringBody);
        var waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).contains("7");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(waited).as("a broker that is away is a quick 503, not a hang").isLessThan(Duration.ofSeconds(8));
        assertThat(counter("revos.webhook.kafka.errors")).isPositive();

        brokers(BrokerServer::startup);
        // the provider retries until it gets a 2xx
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> client.postCall(duringBody), (HttpResponse<String> response) ->
                        response.statusCode() == 200);

        assertThat(eventIdsAbout(before)).as("acknowledged before the outage, still there once").hasSize(1);
        assertThat(eventIdsAbout(during)).as("refused, then published: one event id however many copies")
                .hasSize(1);
        for (var conversation : List.of(before, during)) {
            assertThat(TopicScan.containing(kafka.getBrokersAsString(), conversation, Topics.CALLS))
                    .as("call events are the dialer's alone").isEmpty();
        }
    }

    private static void brokers(Consumer<BrokerServer> action) {
        kafka.getCluster().brokers().values().forEach(action);
    }

    private static Set<String> eventIdsAbout(String conversation) {
        return TopicScan.containing(kafka.getBrokersAsString(), conversation, Topics.PROVIDER_REPORTS,
                        Topics.QUARANTINE)
                .stream().map(record -> new String(record.headers().lastHeader("ce_id").value(), UTF_8))
                .collect(Collectors.toSet());
    }

    private static double counter(String name) {
        return service.getBean(MeterRegistry.class).find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
