package com.revos.voice.provisioning;

import com.jayway.jsonpath.JsonPath;
import com.revos.voice.service.LocalTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.JwtEncoder;

/** The service's REST API as a client sees it: plain HTTP on the random port, bearer tokens from LocalTokens. */
final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final int port;
    private final JwtEncoder tokens;

    Api(int port, JwtEncoder tokens) {
        this.port = port;
        this.tokens = tokens;
    }

    String member(UUID tenant) {
        return LocalTokens.tenantMember(tokens, "user-" + tenant, tenant);
    }

    String operator() {
        return LocalTokens.operator(tokens, "operator");
    }

    Response get(String token, String path) {
        return send("GET", token, path, null, null);
    }

    Response post(String token, String path, String json) {
        return send("POST", token, path, json, null);
    }

    Response post(String token, String path, String json, String idempotencyKey) {
        return send("POST", token, path, json, idempotencyKey);
    }

    Response put(String token, String path, String json) {
        return send("PUT", token, path, json, null);
    }

    Response delete(String token, String path) {
        return send("DELETE", token, path, null, null);
    }

    Response send(String method, String token, String path, String json, String idempotencyKey) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, String body, String retryAfter, String contentType) {

        <T> T json(String path) {
            return JsonPath.read(body, path);
        }

        String text(String path) {
            return json(path);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
