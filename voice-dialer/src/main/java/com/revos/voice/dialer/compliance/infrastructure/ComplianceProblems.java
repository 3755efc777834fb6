package com.revos.voice.dialer.compliance.infrastructure;

import com.revos.voice.service.ApiException;
import com.revos.voice.service.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Compliance refusals as problem+json: the usual shape plus {@code rule}, {@code allowed_hours} and the evidence. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ComplianceProblems {

    private final java.time.Clock clock;

    ComplianceProblems(java.time.Clock clock) {
        this.clock = clock;
    }

    @ExceptionHandler(ComplianceRefusal.class)
    ResponseEntity<ProblemDetail> refused(ComplianceRefusal e) {
        var problem = Problems.of(e.status(), e.title(), e.getMessage(),
                java.util.List.of(new ApiException.FieldError(e.field(), "not allowed by " + e.rule())));
        problem.setProperty("rule", e.rule());
        problem.setProperty("rule_name", e.ruleName());
        problem.setProperty("allowed_hours", e.allowedHours());
        if (e.retryAt() != null) {
            problem.setProperty("retry_at", e.retryAt().toString());
        }
        if (e.evidenceId() != null) {
            problem.setProperty("evidence_id", e.evidenceId());
        }
        var response = ResponseEntity.status(e.status());
        if (e.retryAt() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1,
                    java.time.Duration.between(clock.instant(), e.retryAt()).toSeconds())));
        }
        return response.body(problem);
    }
}
