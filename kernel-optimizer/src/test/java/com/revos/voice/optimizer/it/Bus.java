package com.revos.voice.optimizer.it;

import com.revos.voice.events.kafka.KafkaEnvelopes;
import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.VoiceEvent;
import com.revos.voice.testsupport.RealInfrastructure;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events onto the test broker as the dialer and the webhook intake do (CloudEvents binary mode). */
public final class Bus implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.LINGER_MS_CONFIG, 0),
            new StringSerializer(), new ByteArraySerializer());

    public EventEnvelope publish(VoiceEvent event) {
        var envelope = EventEnvelope.wrap(event, "/revos/test", UUID.randomUUID(), Instant.now());
        publish(envelope);
        return envelope;
    }

    public void publish(EventEnvelope envelope) {
        producer.send(KafkaEnvelopes.record(envelope));
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
