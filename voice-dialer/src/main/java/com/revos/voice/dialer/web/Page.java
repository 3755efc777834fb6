package com.revos.voice.dialer.web;

import com.revos.voice.service.ApiException;
import java.util.List;

/** A page of a list: {@code ?limit=&offset=} (default 50, max 500). */
public record Page<T>(List<T> items, int limit, int offset, long total) {

    public record Bounds(int limit, int offset) {
    }

    public static Bounds bounds(int limit, int offset) {
        if (limit < 1 || limit > 500) {
            throw ApiException.badRequest("limit", "must be between 1 and 500");
        }
        if (offset < 0) {
            throw ApiException.badRequest("offset", "must not be negative");
        }
        return new Bounds(limit, offset);
    }
}
