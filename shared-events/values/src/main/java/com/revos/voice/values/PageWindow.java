package com.revos.voice.values;

import org.jspecify.annotations.Nullable;

/**
 * The window of a list a client asks for ({@code ?limit=&offset=}), with the bounds every service applies: 50 items
 * by default, at most 500, from offset 0 on. Each service reports a field out of bounds with its own exception (a
 * problem+json naming the field), so the caller says how to build it.
 */
public record PageWindow(int limit, int offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /** How a service reports a field out of bounds. */
    @FunctionalInterface
    public interface Invalid {
        RuntimeException field(String field, String reason);
    }

    /** The window asked for (absent parts take their defaults), or the service's error naming the field. */
    public static PageWindow of(@Nullable Integer limit, @Nullable Integer offset, Invalid invalid) {
        var effectiveLimit = limit == null ? DEFAULT_LIMIT : limit;
        var effectiveOffset = offset == null ? 0 : offset;
        if (effectiveLimit < 1 || effectiveLimit > MAX_LIMIT) {
            throw invalid.field("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (effectiveOffset < 0) {
            throw invalid.field("offset", "must be 0 or more");
        }
        return new PageWindow(effectiveLimit, effectiveOffset);
    }
}
