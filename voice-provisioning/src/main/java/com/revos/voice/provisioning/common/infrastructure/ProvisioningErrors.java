package com.revos.voice.provisioning.common.infrastructure;

import com.revos.voice.provisioning.common.application.ProvisioningException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import com.revos.voice.service.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Use-case refusals as problem+json, in the same shape as service-support's errors. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProvisioningErrors {

    @ExceptionHandler(ProvisioningException.class)
    ResponseEntity<ProblemDetail> refused(ProvisioningException e) {
        var status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
        var problem = problem(status, e.title(), e.getMessage());
        if (!e.fieldErrors().isEmpty()) {
            problem.setProperty("errors", e.fieldErrors());
        }
        return ResponseEntity.status(status).body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String title, @Nullable String detail) {
        return Problems.of(status, title, detail, java.util.List.of());
    }
}
