package com.revos.voice.provisioning.common.application;

import org.jspecify.annotations.Nullable;

/** A window on a list ({@code ?limit=&offset=}): default 50, at most 500. */
public record PageRequest(int limit, int offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public static PageRequest of(@Nullable Integer limit, @Nullable Integer offset) {
        var effectiveLimit = limit == null ? DEFAULT_LIMIT : limit;
        var effectiveOffset = offset == null ? 0 : offset;
        if (effectiveLimit < 1 || effectiveLimit > MAX_LIMIT) {
            throw ProvisioningException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (effectiveOffset < 0) {
            throw ProvisioningException.invalid("offset", "must be 0 or more");
        }
        return new PageRequest(effectiveLimit, effectiveOffset);
    }
}
