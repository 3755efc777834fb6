package com.revos.voice.webhook.intake.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.revos.voice.service.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code revos.webhooks.max-in-flight} webhook requests are handled at once; the next one is answered 503
 * with Retry-After (the providers retry) before a byte of its body is read. Bounds the memory and threads an
 * unsigned flood can take, whatever the server's own connection limits.
 */
final class InFlightLimit extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Semaphore permits;
    private final String retryAfter;
    private final IntakeMetrics metrics;
    /**
     * Rendered once: the refusal comes when the process is busiest (a benchmark under load showed a class load
     * failing there for want of file descriptors), so it must not load, allocate or serialize anything new.
     */
    private final byte[] refusal;

    InFlightLimit(int maxInFlight, Duration retryAfter, IntakeMetrics metrics) {
        this.permits = new Semaphore(maxInFlight);
        this.retryAfter = Long.toString(retryAfter.toSeconds());
        this.metrics = metrics;
        this.refusal = render();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/webhooks/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!permits.tryAcquire()) {
            metrics.request("any", "unknown", "over_capacity");
            refuse(response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        response.setContentType("application/problem+json");
        response.setContentLength(refusal.length);
        response.getOutputStream().write(refusal);
    }

    private static byte[] render() {
        var problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Over capacity",
                "Too many webhooks are being handled at once; retry later", List.of());
        var body = new LinkedHashMap<String, Object>();
        body.put("type", Objects.requireNonNull(problem.getType(), "Problems.of sets the type").toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot render the over-capacity answer", e);
        }
    }

    int available() {
        return permits.availablePermits();
    }
}
