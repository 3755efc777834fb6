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
            var envelope = new EventEnvelope(UUID.fromString(text(after, "id")), text(after, "type"),
                    text(after, "source"), text(after, "subject"), timestamp(after), uuid(after, "tenant_id"),
                    uuid(after, "campaign_id"), text(after, "aggregate_id"),
                    text(after, "payload").getBytes(StandardCharsets.UTF_8));
            return new Routed(KafkaEnvelopes.record(envelope, text(after, "topic")), envelope.time());
        } catch (IOException e) {
            throw new MalformedEventException("Outbox change event is not JSON", e);
        }
    }

    private static Instant timestamp(JsonNode row) {
        var node = row.path("created_at");
        // Debezium renders timestamptz as ISO-8601 text (ZonedTimestamp)
        return node.isTextual() ? OffsetDateTime.parse(node.asText()).toInstant() : Instant.now();
    }

    private static String text(JsonNode row, String column) {
        var node = row.get(column);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static UUID uuid(JsonNode row, String column) {
        var value = text(row, column);
        return value == null ? null : UUID.fromString(value);
    }
}
