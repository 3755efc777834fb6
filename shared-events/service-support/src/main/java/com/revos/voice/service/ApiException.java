package com.revos.voice.service;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * An error the API answers with a problem+json body: the status, a short title, a detail that says what to do next,
 * and, for bad input, the fields at fault. Details never contain secrets.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldError> fieldErrors;
    private final @Nullable Long retryAfterSeconds;

    public ApiException(HttpStatus status, String title, String detail, List<FieldError> fieldErrors,
                        @Nullable Long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.title = title;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException badRequest(String field, String reason) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", field + ": " + reason,
                List.of(new FieldError(field, reason)), null);
    }

    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid request",
                errors.size() + " field(s) are invalid", errors, null);
    }

    public static ApiException notFound(String what, String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, "No such " + what, detail, List.of(), null);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, "Conflict", detail, List.of(), null);
    }

    public static ApiException unavailable(String detail, long retryAfterSeconds) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable", detail, List.of(),
                retryAfterSeconds);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** Seconds the client should wait before trying again; null when a retry would not help. */
    public @Nullable Long retryAfterSeconds() {

        return retryAfterSeconds;
    }

    /** One field at fault: its JSON path (snake_case, e.g. {@code contacts[3].phone}) and why. */
    public record FieldError(String field, String reason) {
    }
}
