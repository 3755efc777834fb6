package com.revos.voice.dialer.web;

import com.revos.voice.service.ApiException;

/** The window of a list the dialer answers ({@code ?limit=&offset=}): default 50, at most 500. */
public record PageBounds(int limit, int offset) {

    public static PageBounds of(int limit, int offset) {
        if (limit < 1 || limit > 500) {
            throw ApiException.badRequest("limit", "must be between 1 and 500");
        }
        if (offset < 0) {
            throw ApiException.badRequest("offset", "must not be negative");
        }
        return new PageBounds(limit, offset);
    }
}
