package com.revos.voice.testsupport;

import static com.revos.voice.testsupport.ServiceHttp.abbreviate;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The cross-tenant security matrix of a running service, over every operation its live OpenAPI document lists: each
 * request from each {@link Caller} that must be refused is sent, and any answer other than the refusal (or a refusal
 * that is not problem+json, or that echoes the token) is a violation. Tenant routes refuse a non-member (another
 * tenant's member, the operator) with the 404 of a tenant that does not exist; admin routes refuse a tenant member
 * with 403; every {@code /v1} route refuses a missing, expired or foreign-issuer token with 401. Pair it with
 * {@link RowCounts} to show a refused request left nothing behind.
 */
public final class EndpointMatrix {

    /** Who calls. */
    public enum Caller { ANOTHER_TENANTS_MEMBER, NO_TOKEN, EXPIRED_TOKEN, OTHER_ISSUER, OPERATOR_ON_TENANT_ROUTES }

    /** What was sent and what was wrong. */
    public record Result(int endpoints, int requests, List<String> violations) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private EndpointMatrix() {
    }

    /**
     * @param tokens the bearer token of each caller ({@link Caller#NO_TOKEN} needs none)
     * @param pathValues the value of each path variable by name ({@code tenantId}: the victim tenant); unknown
     *                   names get a random UUID
     */
    public static Result run(int port, Map<Caller, String> tokens, Function<String, String> pathValues) {
        var document = read(port);
        var violations = new ArrayList<String>();
        var endpoints = 0;
        var requests = 0;
        for (var paths = document.get("paths").properties().iterator(); paths.hasNext(); ) {
            var entry = paths.next();
            var template = entry.getKey();
            for (var method : METHODS) {
                if (!entry.getValue().has(method) || !template.startsWith("/v1/")) {
                    continue;
                }
                endpoints++;
                var path = VARIABLE.matcher(template).replaceAll(match -> {
                    var value = pathValues.apply(match.group(1));
                    return value == null ? UUID.randomUUID().toString() : value;
                });
                for (var caller : Caller.values()) {
                    var expected = expected(template, caller);
                    if (expected == 0) {
                        continue;
                    }
                    requests++;
                    var token = caller == Caller.NO_TOKEN ? null : tokens.get(caller);
                    var answer = send(port, method.toUpperCase(java.util.Locale.ROOT), path, token);
                    var what = method.toUpperCase(java.util.Locale.ROOT) + " " + template + " as " + caller;
                    if (answer.statusCode() != expected) {
                        violations.add(what + ": " + answer.statusCode() + " (expected " + expected + ") "
                                + abbreviate(answer.body()));
                    } else if (!answer.headers().firstValue("Content-Type").orElse("")
                            .startsWith("application/problem+json")) {
                        violations.add(what + ": refused without problem+json");
                    } else if (token != null && answer.body().contains(token)) {
                        violations.add(what + ": the answer echoes the token");
                    }
                }
            }
        }
        return new Result(endpoints, requests, List.copyOf(violations));
    }

    /** The refusal a caller must get, or 0 where it is allowed (the operator on admin routes, anyone on the catalog). */
    static int expected(String template, Caller caller) {
        return switch (caller) {
            case NO_TOKEN, EXPIRED_TOKEN, OTHER_ISSUER -> 401;
            case ANOTHER_TENANTS_MEMBER -> template.startsWith("/v1/tenants/{tenantId}") ? 404
                    : template.startsWith("/v1/admin/") ? 403 : 0;
            case OPERATOR_ON_TENANT_ROUTES -> template.startsWith("/v1/tenants/{tenantId}") ? 404 : 0;
        };
    }

    private static com.fasterxml.jackson.databind.JsonNode read(int port) {
        try {
            return JSON.readTree(send(port, "GET", "/v3/api-docs", null).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> send(int port, String method, String path, @Nullable String token) {
        // every method but GET carries a body, and every create its own key: what is probed is who may call it
        return ServiceHttp.send(port, method, path, token, method.equals("GET") ? null : "{}",
                Map.of("Idempotency-Key", "matrix-" + UUID.randomUUID()));
    }
}
