package com.revos.voice.events.kafka;

import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.MalformedEventException;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Event envelopes as Kafka records, in CloudEvents binary mode ({@code ce_*} headers, JSON value, the event's
 * partition key as the record key): the one place the contracts meet the Kafka client.
 */
public final class KafkaEnvelopes {

    private KafkaEnvelopes() {
    }

    /** The record on the event type's own topic. */
    public static ProducerRecord<String, byte[]> record(EventEnvelope envelope) {
        return record(envelope, envelope.topic().name());
    }

    /** The record on another topic (a relay's routing, a benchmark's private topic). */
    public static ProducerRecord<String, byte[]> record(EventEnvelope envelope, String topicName) {
        // every event we produce is keyed (its partition key); only a record read from elsewhere can lack one
        var key = Objects.requireNonNull(envelope.key(), "an envelope without a key cannot be produced");
        return KafkaMessageFactory.createWriter(topicName, key).writeBinary(envelope.toCloudEvent());
    }

    /**
     * Reads a consumed record.
     *
     * @throws MalformedEventException when it is not a CloudEvent of ours
     */
    public static EventEnvelope read(ConsumerRecord<String, byte[]> record) {
        return read(record.key(), record.headers(), record.value());
    }

    /**
     * Reads a binary-mode CloudEvent from Kafka headers and value.
     *
     * @throws MalformedEventException when the headers are not a CloudEvent of ours
     */
    public static EventEnvelope read(@Nullable String key, Headers headers, byte[] value) {

        try {
            return EventEnvelope.fromCloudEvent(KafkaMessageFactory.createReader(headers, value).toEvent(), key);
        } catch (CloudEventRWException | IllegalArgumentException e) {
            throw new MalformedEventException("Not a CloudEvent: " + e.getMessage(), e);
        }
    }
}
