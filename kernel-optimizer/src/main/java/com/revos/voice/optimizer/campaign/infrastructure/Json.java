package com.revos.voice.optimizer.campaign.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.revos.voice.events.EventJson;
import java.io.UncheckedIOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** jsonb columns of the audit trail, written and read with the events' own mapping (snake_case). */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static @Nullable Map<String, Object> read(@Nullable String json) {
        if (json == null) {
            return null;
        }
        try {
            return EventJson.mapper().readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
