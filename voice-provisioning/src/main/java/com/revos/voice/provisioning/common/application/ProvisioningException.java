package com.revos.voice.provisioning.common.application;

import java.util.List;

/**
 * A use case refused: the resource is not there (for this tenant), the state does not allow it, or the input is
 * wrong. The web edge turns it into problem+json; the application layer stays free of HTTP types.
 */
public class ProvisioningException extends RuntimeException {

    public enum Kind { NOT_FOUND, CONFLICT, INVALID }

    private final Kind kind;
    private final String title;
    private final List<FieldError> fieldErrors;

    private ProvisioningException(Kind kind, String title, String detail, List<FieldError> fieldErrors) {
        super(detail);
        this.kind = kind;
        this.title = title;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static ProvisioningException notFound(String what, Object id) {
        return new ProvisioningException(Kind.NOT_FOUND, "No such " + what,
                "No " + what + " " + id + " in this tenant", List.of());
    }

    public static ProvisioningException conflict(String title, String detail) {
        return new ProvisioningException(Kind.CONFLICT, title, detail, List.of());
    }

    public static ProvisioningException invalid(String field, String reason) {
        return invalid(List.of(new FieldError(field, reason)));
    }

    public static ProvisioningException invalid(List<FieldError> errors) {
        var detail = errors.size() == 1 ? errors.getFirst().field() + ": " + errors.getFirst().reason()
                : errors.size() + " field(s) are invalid";
        return new ProvisioningException(Kind.INVALID, "Invalid request", detail, errors);
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

    /** A field at fault, by its snake_case JSON path. */
    public record FieldError(String field, String reason) {
    }
}
