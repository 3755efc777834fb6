package com.revos.voice.values;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, as every service answers it ({@code ?limit=&offset=}): the items, the window asked for and
 * how many there are in all. Each service checks the window against its own bounds before it asks for a page.
 */
public record Page<T>(List<T> items, int limit, int offset, long total) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), limit, offset, total);
    }
}
