package com.revos.voice.simulator.calls.infrastructure;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.servlet.ServletException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.jspecify.annotations.Nullable;

import com.revos.voice.simulator.calls.application.ProviderArrivals;

/**
 * Stamps an outbound-call request with the moment Tomcat read its first byte, the earliest a server sees a request:
 * the pacing witness counts arrivals by this stamp. A stamp taken later, in the first servlet filter, also counted
 * the time Tomcat spent parsing the headers, mapping the request and building the filter chain, which on a loaded
 * machine held some requests back tens of milliseconds more than their neighbours (ADR 0023). The caller's own send
 * time, when it adds one, is kept beside it.
 */
final class ArrivalStampValve extends ValveBase {

    static final String STAMP = "com.revos.voice.simulator.arrival-stamp";
    /** Where a benchmark's dialer says when it sent the request (revos.dialer.elevenlabs.send-time-header). */
    static final String SENT_AT_HEADER = "X-Revos-Sent-At";

    private final String path;

    /** @param path the one request path whose arrivals are stamped */
    ArrivalStampValve(String path) {
        super(true);
        this.path = path;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (path.equals(request.getDecodedRequestURI())) {
            var firstByteAt = request.getCoyoteRequest().getStartInstant();
            request.setAttribute(STAMP, new ProviderArrivals.Stamp(firstByteAt == null ? Instant.now() : firstByteAt,
                    sentAt(request.getHeader(SENT_AT_HEADER))));
        }
        getNext().invoke(request, response);
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
