package com.revos.voice.testsupport;

import static com.revos.voice.testsupport.ServiceHttp.abbreviate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The input bounds of a running service, over every operation its live OpenAPI document lists (issue 16): every list
 * pages, and refuses a page larger than the maximum (or a negative offset) with 400 problem+json naming the field;
 * every string a client sends in a JSON body, query or header is bounded in the document (a maximum length, an enum,
 * a format such as uuid, or a pattern whose every repetition is bounded), every array and map has a maximum size; and a
 * body one character over a declared bound is refused with 400 problem+json naming that field. A list is an operation
 * whose answer is an array or an object holding an {@code items} array. Path variables are not checked: they name a
 * resource, are never stored, and the server's request-line limit bounds them.
 */
public final class InputBounds {

    /** What was checked and what was wrong. */
    public record Result(int lists, int boundedStrings, int requests, List<String> violations) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> BOUNDED_FORMATS = Set.of("uuid", "date-time", "date", "int32", "int64");
    /** Unbounded repetition in a regular expression: {@code *}, {@code +} or {@code {n,}} not escaped. */
    private static final Pattern UNBOUNDED = Pattern.compile("(?<!\\\\)([*+]|\\{\\d+,})");
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private InputBounds() {
    }

    /**
     * @param maxPageSize the largest {@code limit} the service serves
     * @param tokenFor the bearer token that may call a path template (a member of the tenant, the operator on admin
     *                 routes)
     * @param pathValues the value of each path variable by name; unknown names get a random UUID
     */
    public static Result check(int port, int maxPageSize, Function<String, String> tokenFor,
                               Function<String, String> pathValues) {
        var document = get(port, "/v3/api-docs", null);
        JsonNode api;
        try {
            api = JSON.readTree(document.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var check = new Check(api, port, maxPageSize);
        for (var paths = api.get("paths").properties().iterator(); paths.hasNext(); ) {
            var entry = paths.next();
            var template = entry.getKey();
            if (!template.startsWith("/v1/")) {
                continue;
            }
            var path = VARIABLE.matcher(template).replaceAll(match -> {
                var value = pathValues.apply(match.group(1));
                return value == null ? UUID.randomUUID().toString() : value;
            });
            for (var method : METHODS) {
                var operation = entry.getValue().get(method);
                if (operation != null) {
                    check.operation(method.toUpperCase(Locale.ROOT), template, path, operation,
                            tokenFor.apply(template));
                }
            }
        }
        return new Result(check.lists, check.bounded, check.requests, List.copyOf(check.violations));
    }

    private static final class Check {

        private final JsonNode api;
        private final int port;
        private final int maxPageSize;
        private final List<String> violations = new ArrayList<>();
        private int lists;
        private int bounded;
        private int requests;

        Check(JsonNode api, int port, int maxPageSize) {
            this.api = api;
            this.port = port;
            this.maxPageSize = maxPageSize;
        }

        void operation(String method, String template, String path, JsonNode operation, String token) {
            var what = method + " " + template;
            for (var parameter : operation.path("parameters")) {
                var in = parameter.path("in").asText();
                if (in.equals("query") || in.equals("header")) {
                    string(what + " " + in + " " + parameter.path("name").asText(), resolve(parameter.path("schema")));
                }
            }
            var body = operation.path("requestBody").path("content").path("application/json").path("schema");
            if (!body.isMissingNode()) {
                schema(what + " body", "", resolve(body), 0);
                overLongFields(method, path, what, resolve(body), token);
            }
            if (method.equals("GET") && isList(operation)) {
                lists++;
                paging(path, what, operation, token);
            }
        }

        /** Every string bounded, every array sized, recursively through objects and arrays. */
        private void schema(String what, String field, JsonNode schema, int depth) {
            if (depth > 10) {
                return;
            }
            var type = schema.path("type").asText();
            if (schema.has("additionalProperties") && !schema.has("properties")) {
                if (!schema.has("maxProperties")) {
                    violations.add(what + " " + field + ": a map without maxProperties");
                }
            } else if (type.equals("object") || schema.has("properties")) {
                for (var properties = schema.path("properties").properties().iterator(); properties.hasNext(); ) {
                    var property = properties.next();
                    schema(what, field.isEmpty() ? property.getKey() : field + "." + property.getKey(),
                            resolve(property.getValue()), depth + 1);
                }
            } else if (type.equals("array")) {
                if (!schema.has("maxItems")) {
                    violations.add(what + " " + field + ": an array without maxItems");
                }
                schema(what, field + "[0]", resolve(schema.path("items")), depth + 1);
            } else if (type.equals("string")) {
                string(what + " " + field, schema);
            }
        }

        private void string(String what, JsonNode schema) {
            if (!schema.path("type").asText().equals("string")) {
                return;
            }
            var pattern = schema.path("pattern").asText(null);
            if (schema.has("maxLength") || schema.has("enum")
                    || BOUNDED_FORMATS.contains(schema.path("format").asText())
                    || (pattern != null && !UNBOUNDED.matcher(pattern).find())) {
                bounded++;
            } else {
                violations.add(what + ": a string without maxLength, enum, format or bounded pattern");
            }
        }

        /** For each string with a maxLength (or enum/pattern), a body with only it one character over: 400 naming it. */
        private void overLongFields(String method, String path, String what, JsonNode schema, String token) {
            for (var leaf : leaves("", schema, 0)) {
                var body = JsonNodeFactory.instance.objectNode();
                put(body, leaf.field(), leaf.tooLong());
                requests++;
                var answer = send(method, path, token, body.toString());
                if (answer.statusCode() != 400) {
                    violations.add(what + " " + leaf.field() + " of " + leaf.tooLong().length() + " chars: "
                            + answer.statusCode() + " (expected 400) " + abbreviate(answer.body()));
                } else if (!problemNaming(answer, leaf.field())) {
                    violations.add(what + " " + leaf.field() + " too long: 400 without problem+json naming it "
                            + abbreviate(answer.body()));
                }
            }
        }

        private record Leaf(String field, String tooLong) {
        }

        private List<Leaf> leaves(String field, JsonNode schema, int depth) {
            var leaves = new ArrayList<Leaf>();
            if (depth > 10) {
                return leaves;
            }
            if (schema.has("properties")) {
                for (var properties = schema.path("properties").properties().iterator(); properties.hasNext(); ) {
                    var property = properties.next();
                    leaves.addAll(leaves(field.isEmpty() ? property.getKey() : field + "." + property.getKey(),
                            resolve(property.getValue()), depth + 1));
                }
            } else if (schema.path("type").asText().equals("array")) {
                leaves.addAll(leaves(field + "[0]", resolve(schema.path("items")), depth + 1));
            } else if (schema.path("type").asText().equals("string") && !schema.has("format")) {
                var length = schema.has("maxLength") ? schema.get("maxLength").asInt() + 1 : 10_000;
                if (schema.has("maxLength") || schema.has("enum") || schema.has("pattern")) {
                    leaves.add(new Leaf(field, "x".repeat(length)));
                }
            }
            return leaves;
        }

        /** Puts a value at a path such as {@code overrides.prompt} or {@code numbers[0].e164}. */
        private static void put(ObjectNode root, String field, String value) {
            JsonNode node = root;
            var parts = field.split("\\.");
            for (var i = 0; i < parts.length; i++) {
                var part = parts[i];
                var array = part.endsWith("[0]");
                var name = array ? part.substring(0, part.length() - 3) : part;
                var last = i == parts.length - 1;
                var object = (ObjectNode) node;
                if (array) {
                    var elements = object.putArray(name);
                    if (last) {
                        elements.add(value);
                        return;
                    }
                    node = elements.addObject();
                } else if (last) {
                    object.put(name, value);
                } else {
                    node = object.has(name) ? object.get(name) : object.putObject(name);
                }
            }
        }

        private void paging(String path, String what, JsonNode operation, String token) {
            var names = new ArrayList<String>();
            operation.path("parameters").forEach(parameter -> names.add(parameter.path("name").asText()));
            if (!names.contains("limit") || !names.contains("offset")) {
                violations.add(what + ": a list without limit and offset");
                return;
            }
            var separator = path.contains("?") ? "&" : "?";
            requests += 3;
            var tooLarge = get(port, path + separator + "limit=" + (maxPageSize + 1), token);
            if (tooLarge.statusCode() != 400 || !problemNaming(tooLarge, "limit")) {
                violations.add(what + " limit=" + (maxPageSize + 1) + ": " + tooLarge.statusCode()
                        + " (expected 400 problem+json naming limit) " + abbreviate(tooLarge.body()));
            }
            var negative = get(port, path + separator + "offset=-1", token);
            if (negative.statusCode() != 400 || !problemNaming(negative, "offset")) {
                violations.add(what + " offset=-1: " + negative.statusCode()
                        + " (expected 400 problem+json naming offset) " + abbreviate(negative.body()));
            }
            var largest = get(port, path + separator + "limit=" + maxPageSize, token);
            if (largest.statusCode() != 200 && largest.statusCode() != 404) {
                violations.add(what + " limit=" + maxPageSize + ": " + largest.statusCode()
                        + " (the largest page must be served) " + abbreviate(largest.body()));
            }
        }

        private boolean isList(JsonNode operation) {
            for (var responses = operation.path("responses").properties().iterator(); responses.hasNext(); ) {
                var response = responses.next();
                if (!response.getKey().startsWith("2")) {
                    continue;
                }
                for (var content : response.getValue().path("content")) {
                    var schema = resolve(content.path("schema"));
                    if (schema.path("type").asText().equals("array")
                            || resolve(schema.path("properties").path("items")).path("type").asText().equals("array")) {
                        return true;
                    }
                }
            }
            return false;
        }

        private JsonNode resolve(JsonNode schema) {
            var reference = schema.path("$ref").asText(null);
            if (reference == null || !reference.startsWith("#/components/schemas/")) {
                return schema;
            }
            return api.path("components").path("schemas").path(reference.substring("#/components/schemas/".length()));
        }

        private static boolean problemNaming(HttpResponse<String> answer, String field) {
            if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                return false;
            }
            try {
                for (var error : JSON.readTree(answer.body()).path("errors")) {
                    if (error.path("field").asText().equals(field)) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        }

        private HttpResponse<String> send(String method, String path, @Nullable String token,
                                          @Nullable String json) {
            return InputBounds.send(port, method, path, token, json);
        }
    }

    private static HttpResponse<String> get(int port, String path, @Nullable String token) {
        return send(port, "GET", path, token, null);
    }

    private static HttpResponse<String> send(int port, String method, String path, @Nullable String token,
                                             @Nullable String json) {
        return ServiceHttp.send(port, method, path, token, json, Map.of());
    }
}
