package com.revos.voice.simulator.elevenlabs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Helpers for agents and numbers kept as JSON trees: the simulator stores whatever config the caller sent. */
final class JsonMaps {

    private JsonMaps() {
    }

    /** PATCH semantics of the ElevenLabs API: objects merge recursively, everything else is replaced. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> target, Map<String, Object> patch) {
        Map<String, Object> merged = deepCopy(target);
        patch.forEach((key, value) -> {
            if (value instanceof Map<?, ?> patchChild && merged.get(key) instanceof Map<?, ?> existing) {
                merged.put(key, merge((Map<String, Object>) existing, (Map<String, Object>) patchChild));
            } else {
                merged.put(key, deepCopyValue(value));
            }
        });
        return merged;
    }

    static Map<String, Object> deepCopy(Map<String, Object> source) {
        Map<String, Object> copy = new LinkedHashMap<>();
        source.forEach((key, value) -> copy.put(key, deepCopyValue(value)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Object deepCopyValue(@Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            return deepCopy((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(JsonMaps::deepCopyValue).toList();
        }
        return value;
    }

    static Map<String, Object> object(@Nullable Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
