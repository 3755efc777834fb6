package com.revos.voice.dialer.compliance.infrastructure;

import com.revos.voice.dialer.compliance.application.ComplianceRefusal;
import com.revos.voice.service.ApiException;
import com.revos.voice.service.Problems;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Compliance refusals as problem+json: the usual shape plus {@code rule}, {@code allowed_hours} and the evidence. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ComplianceProblems {

    private final Clock clock;

    ComplianceProblems(Clock clock) {
        this.clock = clock;
    }

    @ExceptionHandler(ComplianceRefusal.class)
    ResponseEntity<ProblemDetail> refused(ComplianceRefusal e) {
        var status = switch (e.kind()) {
            case OUTSIDE_HOURS, NO_CONSENT -> HttpStatus.UNPROCESSABLE_CONTENT;
            case SUPPRESSED -> HttpStatus.CONFLICT;
            case CAP_REACHED -> HttpStatus.TOO_MANY_REQUESTS;
        };
        var problem = Problems.of(status, e.title(), e.getMessage(),
                List.of(new ApiException.FieldError(e.field(), "not allowed by " + e.rule())));
        problem.setProperty("rule", e.rule());
        problem.setProperty("rule_name", e.ruleName());
        problem.setProperty("allowed_hours", e.allowedHours());
        var response = ResponseEntity.status(status);
        if (e.retryAt() != null) {
            problem.setProperty("retry_at", e.retryAt().toString());
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1,
                    Duration.between(clock.instant(), e.retryAt()).toSeconds())));
        }
        if (e.evidenceId() != null) {
            problem.setProperty("evidence_id", e.evidenceId());
        }
        return response.body(problem);
    }
}
