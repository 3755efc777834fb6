package com.revos.voice.webhook.intake.infrastructure;

import static com.revos.voice.webhook.intake.fixtures.PostCallPayloads.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.revos.voice.events.Topics;
import com.revos.voice.service.ApiException;
import com.revos.voice.testsupport.KafkaProbe;
import com.revos.voice.webhook.intake.application.AudioStore;
import com.revos.voice.webhook.intake.fixtures.PostCallPayloads;
import com.revos.voice.webhook.intake.fixtures.PostCallPayloads.Ids;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

/**
 * No loss when Kafka is down. The shared broker cannot be stopped (other test classes use it), so the endpoint is
 * assembled from the service's own classes and configuration around a producer pointed at a port where no broker
 * listens: it must refuse with 503 and Retry-After within seconds. The provider's retry then goes to the running
 * service on the real broker and is published exactly once.
 */
@IngestServiceContext
class KafkaUnavailableIT {

    @LocalServerPort
    int port;
    @Autowired
    WebhookProperties properties;

    @Test
    void a_webhook_kafka_cannot_take_gets_503_with_retry_after_and_its_retry_is_published_exactly_once()
            throws IOException {
        var conversation = PostCallPayloads.conversationId("outage");
        var body = bytes(PostCallPayloads.transcription(conversation, Ids.random()));
        var deadBroker = new WebhookProperties.Kafka("127.0.0.1:" + closedPort(), Duration.ofSeconds(3),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(1),
                DataSize.ofKilobytes(64));
        var producers = KafkaEventBus.producerFactory(deadBroker);
        var template = new KafkaTemplate<>(producers);
        var registry = new SimpleMeterRegistry();
        try {
            var bus = new KafkaEventBus(template, deadBroker.publishTimeout(), registry);
            var controller = new ElevenLabsWebhookController(
                    WebhookIntakeConfiguration.intake(properties, bus, AudioStore.NONE), new IntakeMetrics(registry),
                    properties);
            var request = new MockHttpServletRequest("POST", IngestClient.POST_CALL);
            request.setContentType("application/json");
            request.setContent(body);

            var started = System.nanoTime();
            var refusal = catchThrowableOfType(ApiException.class,
                    () -> controller.postCall(request, IngestClient.signed(body)));
            var waited = Duration.ofNanos(System.nanoTime() - started);

            assertThat(refusal.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(refusal.retryAfterSeconds()).isEqualTo(properties.retryAfter().toSeconds());
            assertThat(waited).as("a dead broker is a quick 503, not a hang").isLessThan(Duration.ofSeconds(5));
            assertThat(registry.get("revos.webhook.kafka.errors").counter().count()).isEqualTo(1);
            assertThat(registry.get("revos.webhook.requests").tag("result", "unavailable").counter().count())
                    .isEqualTo(1);
        } finally {
            producers.destroy();
        }

        var retry = new IngestClient(port).postCall(body);

        assertThat(retry.statusCode()).isEqualTo(200);
        try (var probe = KafkaProbe.on(Topics.CALLS)) {
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> !probe.envelopes(e -> e.dataAsString().contains(conversation)).isEmpty());
        }
        assertThat(TopicScan.countContaining(conversation, Topics.CALLS, Topics.QUARANTINE)).isEqualTo(1);
    }

    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
