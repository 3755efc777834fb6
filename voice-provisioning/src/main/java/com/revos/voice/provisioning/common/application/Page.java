package com.revos.voice.provisioning.common.application;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the items, the window asked for and how many there are in all. */
public record Page<T>(List<T> items, int limit, int offset, long total) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), limit, offset, total);
    }
}
