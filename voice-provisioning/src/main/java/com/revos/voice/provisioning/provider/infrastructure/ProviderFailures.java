package com.revos.voice.provisioning.provider.infrastructure;

import com.revos.voice.provisioning.provider.application.ProviderException;
import com.revos.voice.service.Problems;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Provider failures as problem+json: they name the provider, its status and code and its (redacted) message, so a
 * caller can act on them. Beside the provider adapters, so that no other aggregate depends on them.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProviderFailures {

    private static final Logger log = LoggerFactory.getLogger(ProviderFailures.class);

    @ExceptionHandler(ProviderException.class)
    ResponseEntity<ProblemDetail> provider(ProviderException e) {
        log.warn("{} call failed: {} {}", e.provider(), e.kind(), e.getMessage());
        var status = switch (e.kind()) {
            case REJECTED, UNAVAILABLE -> HttpStatus.BAD_GATEWAY;
            case RATE_LIMITED, CIRCUIT_OPEN -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        var title = switch (e.kind()) {
            case REJECTED -> e.provider() + " rejected the request";
            case UNAVAILABLE -> e.provider() + " is failing";
            case RATE_LIMITED -> e.provider() + " is rate limiting us";
            case CIRCUIT_OPEN -> e.provider() + " is unavailable; calls are paused";
        };
        var problem = problem(status, title, e.getMessage());
        problem.setProperty("provider", e.provider());
        if (e.providerStatus() > 0) {
            problem.setProperty("provider_status", e.providerStatus());
        }
        if (e.providerCode() != null) {
            problem.setProperty("provider_code", e.providerCode());
        }
        var response = ResponseEntity.status(status);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            var seconds = e.retryAfter() == null ? 1 : Math.max(1, e.retryAfter().toSeconds());
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        return response.body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String title, @Nullable String detail) {
        return Problems.of(status, title, detail, List.of());
    }
}
