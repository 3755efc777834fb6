package com.revos.voice.dialer.common.infrastructure;

import com.revos.voice.dialer.common.application.DialerException;
import com.revos.voice.service.ApiException;
import com.revos.voice.service.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The use cases' refusals as problem+json, in the same shape as service-support's errors. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DialerErrors {

    @ExceptionHandler(DialerException.class)
    ResponseEntity<ProblemDetail> refused(DialerException e) {
        var status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case LIMIT_REACHED -> HttpStatus.TOO_MANY_REQUESTS;
            case PROVIDER_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case PROVIDER_REFUSED -> HttpStatus.BAD_GATEWAY;
        };
        var errors = e.fieldErrors().stream().map(error -> new ApiException.FieldError(error.field(), error.reason()))
                .toList();
        var response = ResponseEntity.status(status);
        e.retryAfter().ifPresent(after -> response.header(HttpHeaders.RETRY_AFTER,
                Long.toString(Math.max(1, after.toSeconds()))));
        return response.body(Problems.of(status, e.title(), e.getMessage(), errors));
    }
}
