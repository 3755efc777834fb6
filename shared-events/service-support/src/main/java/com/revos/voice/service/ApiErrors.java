package com.revos.voice.service;

import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns every API error into {@code application/problem+json} (RFC 9457) with an {@code errors} list of fields. */
@RestControllerAdvice
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        var response = ResponseEntity.status(e.status());
        if (e.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        return response.body(problem(e.status(), e.title(), e.getMessage(), e.fieldErrors()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e) {
        var errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new ApiException.FieldError(snakeCase(error.getField()), reason(error)))
                .toList();
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request",
                errors.size() + " field(s) are invalid", errors));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> invalidParameter(ConstraintViolationException e) {
        var errors = e.getConstraintViolations().stream()
                .map(v -> new ApiException.FieldError(snakeCase(lastNode(v.getPropertyPath().toString())),
                        v.getMessage())).toList();
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request",
                errors.size() + " parameter(s) are invalid", errors));
    }

    /** Constraint annotations on controller parameters (e.g. {@code @Max(500) int limit}), as Spring 7 reports them. */
    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidMethodParameter(HandlerMethodValidationException e) {
        var errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new ApiException.FieldError(
                        snakeCase(result.getMethodParameter().getParameterName() == null ? "parameter"
                                : result.getMethodParameter().getParameterName()),
                        reason(error))))
                .toList();
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request",
                errors.size() + " parameter(s) are invalid", errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        var errors = List.of(new ApiException.FieldError(e.getName(), "is not a valid " + simpleType(e)));
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request",
                e.getName() + " is malformed", errors));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        log.debug("Unreadable request body", e);
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed request body",
                "The body is not valid JSON for this endpoint; check field names and types", List.of(
                        new ApiException.FieldError("body", "is not readable JSON of the expected shape"))));
    }

    /** A constraint without a message still says that the field is at fault. */
    private static String reason(org.springframework.context.MessageSourceResolvable error) {
        return Objects.requireNonNullElse(error.getDefaultMessage(), "is invalid");
    }

    static ProblemDetail problem(HttpStatus status, String title, @Nullable String detail,

                                 List<ApiException.FieldError> errors) {
        return Problems.of(status, title, detail, errors);
    }

    private static String simpleType(MethodArgumentTypeMismatchException e) {
        return e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
    }

    private static String lastNode(String path) {
        var dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    static String snakeCase(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
