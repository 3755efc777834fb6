package com.revos.voice.simulator.calls.infrastructure;

import java.io.IOException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

import com.revos.voice.simulator.calls.application.ProviderArrivals;

/**
 * Stamps an outbound-call request the moment it reaches the simulator's first filter, ahead of the MVC stack, the
 * authentication check and the body's parsing, which can hold racing requests back by different amounts: the
 * pacing witness counts arrivals by this stamp. The caller's own send time, when it adds one, is kept beside it.
 */
final class ArrivalStampFilter extends OncePerRequestFilter {

    static final String STAMP = "com.revos.voice.simulator.arrival-stamp";
    /** Where a benchmark's dialer says when it sent the request (revos.dialer.elevenlabs.send-time-header). */
    static final String SENT_AT_HEADER = "X-Revos-Sent-At";

    private final InstantSource clock;

    ArrivalStampFilter(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var arrivedAt = clock.instant();
        request.setAttribute(STAMP, new ProviderArrivals.Stamp(arrivedAt, sentAt(request.getHeader(SENT_AT_HEADER))));
        chain.doFilter(request, response);
    }

    private static @Nullable Instant sentAt(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(header.trim());
        } catch (DateTimeParseException unreadable) {
            // a witness's aid, not part of the provider's API: an unreadable one is as good as none
            return null;
        }
    }
}
