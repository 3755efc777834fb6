package com.revos.voice.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON mapping of event data: snake_case, ISO-8601 instants, absent nulls. Unknown fields are ignored so
 * that a consumer built against an older contract keeps reading payloads that gained fields (additive evolution).
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private EventJson() {
    }

    /** The mapper, for callers that need a tree (schema validation, tests); do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(VoiceEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serialize " + event.getClass().getSimpleName(), e);
        }
    }

    public static <E extends VoiceEvent> E read(byte[] data, Class<E> recordType) {
        try {
            return MAPPER.readValue(data, recordType);
        } catch (IOException e) {
            throw new MalformedEventException("Cannot read " + recordType.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
