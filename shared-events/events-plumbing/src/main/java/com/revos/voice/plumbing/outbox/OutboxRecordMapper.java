package com.revos.voice.plumbing.outbox;

import com.revos.voice.events.kafka.KafkaEnvelopes;
import com.fasterxml.jackson.databind.JsonNode;
import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.EventJson;
import com.revos.voice.events.MalformedEventException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;

/**
 * Turns one Debezium change event of an outbox row (JSON, schemas disabled) into the Kafka record to publish:
 * topic and key from the row, CloudEvents headers from its columns, the payload as data.
 */
final class OutboxRecordMapper {

    private OutboxRecordMapper() {
    }

    record Routed(ProducerRecord<String, byte[]> record, Instant createdAt) {
    }

    static Routed route(String changeEventJson) {
        try {
            var after = EventJson.mapper().readTree(changeEventJson).path("after");
            if (after.isMissingNode() || after.isNull()) {
                throw new MalformedEventException("Outbox change event without an 'after' row");
            }
            var envelope = new EventEnvelope(UUID.fromString(required(after, "id")), required(after, "type"),
                    required(after, "source"), text(after, "subject"), timestamp(after), uuid(after, "tenant_id"),
                    uuid(after, "campaign_id"), required(after, "aggregate_id"),
                    required(after, "payload").getBytes(StandardCharsets.UTF_8));
            return new Routed(KafkaEnvelopes.record(envelope, required(after, "topic")), envelope.time());
        } catch (IOException e) {
            throw new MalformedEventException("Outbox change event is not JSON", e);
        }
    }

    private static Instant timestamp(JsonNode row) {
        var node = row.path("created_at");
        // Debezium renders timestamptz as ISO-8601 text (ZonedTimestamp)
        return node.isTextual() ? OffsetDateTime.parse(node.asText()).toInstant() : Instant.now();
    }

    /** The outbox table declares these columns NOT NULL: a row without one is not ours. */
    private static String required(JsonNode row, String column) {
        var value = text(row, column);
        if (value == null) {
            throw new MalformedEventException("Outbox row without '" + column + "'");
        }
        return value;
    }

    private static @Nullable String text(JsonNode row, String column) {
        var node = row.get(column);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static @Nullable UUID uuid(JsonNode row, String column) {

        var value = text(row, column);
        return value == null ? null : UUID.fromString(value);
    }
}
