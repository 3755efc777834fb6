package com.revos.voice.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One page of a list, as every service answers it: items, limit, offset, total. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Page<T>(List<T> items, Integer limit, Integer offset, Long total) {

    public Page {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public static <T> Page<T> empty() {
        return new Page<>(List.of(), 0, 0, 0L);
    }

    public long totalOrCount() {
        return total == null ? items.size() : total;
    }
}
