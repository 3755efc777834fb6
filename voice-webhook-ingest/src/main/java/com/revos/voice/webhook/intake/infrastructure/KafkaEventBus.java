package com.revos.voice.webhook.intake.infrastructure;

import com.revos.voice.events.kafka.KafkaEnvelopes;
import com.revos.voice.events.EventEnvelope;
import com.revos.voice.webhook.intake.application.EventBus;
import com.revos.voice.webhook.intake.application.EventBusUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes straight to Kafka and waits for the broker's acknowledgement (idempotent producer, {@code acks=all}):
 * the intake owns no state, so the webhook may only be acknowledged once the event is durable. Concurrent requests
 * share the producer's batches, so the wait costs latency, not throughput.
 */
final class KafkaEventBus implements EventBus {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventBus.class);

    private final KafkaTemplate<String, byte[]> template;
    private final Duration publishTimeout;
    private final MeterRegistry registry;
    private final Timer acknowledged;
    private final Timer failed;

    KafkaEventBus(KafkaTemplate<String, byte[]> template, Duration publishTimeout, MeterRegistry registry) {
        this.template = template;
        this.publishTimeout = publishTimeout;
        this.registry = registry;
        this.acknowledged = latency("ok", registry);
        this.failed = latency("error", registry);
    }

    private static Timer latency(String outcome, MeterRegistry registry) {
        return Timer.builder("revos.webhook.publish.latency").description("From send to the broker's acknowledgement")
                .tag("outcome", outcome).publishPercentileHistogram().register(registry);
    }

    /** The intake's own producer, beside the settings it is built from. */
    static DefaultKafkaProducerFactory<String, byte[]> producerFactory(WebhookProperties.Kafka settings) {
        var factory = new DefaultKafkaProducerFactory<String, byte[]>(producerProperties(settings),
                new StringSerializer(), new ByteArraySerializer());
        factory.setPhysicalCloseTimeout((int) settings.maxBlock().toSeconds() + 1);
        return factory;
    }

    static Map<String, Object> producerProperties(WebhookProperties.Kafka settings) {
        var properties = new HashMap<String, Object>();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "voice-webhook-ingest");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) settings.maxBlock().toMillis());
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) settings.requestTimeout().toMillis());
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) settings.deliveryTimeout().toMillis());
        properties.put(ProducerConfig.LINGER_MS_CONFIG, (int) settings.linger().toMillis());
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, (int) settings.batchSize().toBytes());
        properties.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        return properties;
    }

    @Override
    public void publish(EventEnvelope envelope) {
        var sample = Timer.start(registry);
        try {
            template.send(KafkaEnvelopes.record(envelope)).get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
            sample.stop(acknowledged);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sample.stop(failed);
            throw unavailable(envelope, e);
        } catch (TimeoutException | ExecutionException | RuntimeException e) {
            sample.stop(failed);
            throw unavailable(envelope, e);
        }
    }

    private EventBusUnavailableException unavailable(EventEnvelope envelope, Exception e) {
        var cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        Counter.builder("revos.webhook.kafka.errors").description("Events Kafka did not acknowledge in time")
                .tag("exception", cause.getClass().getSimpleName()).register(registry).increment();
        log.warn("Kafka did not take {}: {}", envelope, cause.toString());
        return new EventBusUnavailableException("Kafka did not acknowledge the event", cause);
    }
}
