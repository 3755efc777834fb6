package com.revos.voice.simulator.calls.application;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An ordered JSON object that, unlike {@code Map.of}, keeps keys in order and allows null values. */
final class Obj {

    private Obj() {
    }

    static Map<String, Object> of(@Nullable Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
