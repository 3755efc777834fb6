package com.revos.voice.dialer.common.application;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A use case refused: the resource is not there (for this tenant), the state does not allow it, the input is wrong,
 * a limit is reached, or the provider cannot take the call now. The web edge turns it into problem+json; the
 * application layer stays free of HTTP types.
 */
public class DialerException extends RuntimeException {

    public enum Kind { NOT_FOUND, CONFLICT, INVALID, LIMIT_REACHED, PROVIDER_UNAVAILABLE, PROVIDER_REFUSED }

    private final Kind kind;
    private final String title;
    private final List<FieldError> fieldErrors;
    private final @Nullable Duration retryAfter;

    public DialerException(Kind kind, String title, String detail, List<FieldError> fieldErrors,
                           @Nullable Duration retryAfter) {
        super(detail);
        this.kind = kind;
        this.title = title;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.retryAfter = retryAfter;
    }

    public static DialerException notFound(String what, String detail) {
        return new DialerException(Kind.NOT_FOUND, "No such " + what, detail, List.of(), null);
    }

    public static DialerException conflict(String detail) {
        return new DialerException(Kind.CONFLICT, "Conflict", detail, List.of(), null);
    }

    public static DialerException conflict(String title, String detail, FieldError error) {
        return new DialerException(Kind.CONFLICT, title, detail, List.of(error), null);
    }

    public static DialerException invalid(String field, String reason) {
        return new DialerException(Kind.INVALID, "Invalid request", field + ": " + reason,
                List.of(new FieldError(field, reason)), null);
    }

    public static DialerException invalid(List<FieldError> errors) {
        return new DialerException(Kind.INVALID, "Invalid request", errors.size() + " field(s) are invalid", errors,
                null);
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** When the caller may try again, for a limit or an outage. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** A field at fault, by its snake_case JSON path. */
    public record FieldError(String field, String reason) {
    }
}
