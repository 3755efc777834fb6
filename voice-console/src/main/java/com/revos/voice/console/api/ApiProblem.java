package com.revos.voice.console.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a service answered instead of the result: its status and the problem+json title, detail and fields at fault
 * (field path → reason, e.g. {@code overrides.voice_id → must be a voice id}), for the page to show next to the field.
 * Status 503 with no body when the service could not be reached.
 */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final Map<String, String> fieldErrors;

    public ApiProblem(int status, String title, @Nullable String detail, Map<String, String> fieldErrors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public @Nullable String detail() {
        return getMessage();
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public boolean notFound() {
        return status == 404;
    }

    /** What a person should read: the detail, else the title. */
    public String sentence() {
        var detail = getMessage();
        return detail != null && !detail.isBlank() ? detail : title;
    }
}
