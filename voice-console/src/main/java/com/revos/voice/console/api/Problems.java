package com.revos.voice.console.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Reads a service's problem+json answer (RFC 9457 with an {@code errors} list of {field, reason}) into an ApiProblem. */
final class Problems {

    private Problems() {
    }

    static ApiProblem read(ObjectMapper json, int status, String reasonPhrase, byte[] body) {
        var fields = new LinkedHashMap<String, String>();
        String title = reasonPhrase;
        String detail = null;
        try {
            JsonNode problem = body.length == 0 ? null : json.readTree(new String(body, StandardCharsets.UTF_8));
            if (problem != null && problem.isObject()) {
                title = Objects.requireNonNullElse(text(problem, "title", reasonPhrase), reasonPhrase);
                detail = text(problem, "detail", null);
                for (var error : problem.path("errors")) {
                    var field = text(error, "field", null);
                    if (field != null) {
                        fields.merge(field,
                                Objects.requireNonNullElse(text(error, "reason", "is invalid"), "is invalid"),
                                (a, b) -> a + "; " + b);
                    }
                }
            }
        } catch (RuntimeException notJson) {
            // a proxy's HTML error page or an empty body: the status line is all there is to tell
        }
        return new ApiProblem(status, title, detail, fields);
    }

    private static @Nullable String text(JsonNode node, String field, @Nullable String fallback) {
        var value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asString();
    }
}
