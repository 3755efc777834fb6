package com.revos.voice.events;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schema of each event type (on the classpath under {@code /schemas/<type>.json}), and validation of
 * payloads against them. Producers' tests validate what they emit here.
 */
public final class EventSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    public static JsonSchema schemaOf(EventType<?> type) {
        return CACHE.computeIfAbsent(type.name(), name -> {
            try (var in = EventSchemas.class.getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("No schema at " + type.schemaResource());
                }
                return FACTORY.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The violations of the data against its type's schema; empty when the payload is valid. */
    public static List<String> violations(EventEnvelope envelope) {
        return violations(envelope.eventType(), envelope.data());
    }

    public static List<String> violations(EventType<?> type, byte[] json) {
        try {
            var node = EventJson.mapper().readTree(json);
            return schemaOf(type).validate(node).stream().map(ValidationMessage::getMessage).toList();
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }
}
