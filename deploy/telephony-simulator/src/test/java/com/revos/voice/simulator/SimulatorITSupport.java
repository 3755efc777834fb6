package com.revos.voice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The simulator on a random port, talked to over real HTTP; every IT extends this class so that they all share
 * one cached Spring context and one webhook receiver.
 */
@SpringBootTest(classes = TelephonySimulatorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=" + TelephonySimulatorApplication.CONFIG_NAME,
                "revos.simulator.seed=42",
                "revos.simulator.api-latency=20ms",
                "revos.simulator.webhook-retry-delay=20ms",
                "revos.simulator.webhook-secret=it-webhook-secret"})
abstract class SimulatorITSupport {

    static final String WEBHOOK_SECRET = "it-webhook-secret";
    static final WebhookReceiver WEBHOOKS = WebhookReceiver.shared();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @DynamicPropertySource
    static void webhookUrl(DynamicPropertyRegistry registry) {
        registry.add("revos.simulator.webhook-url", WEBHOOKS::url);
    }

    @BeforeEach
    void resetSimulator() {
        assertThat(send("POST", "/simulator/reset", null).status()).isEqualTo(204);
        WEBHOOKS.clear();
    }

    /** An ElevenLabs request, authenticated as the product does. */
    Reply elevenLabs(String method, String path, Object body) {
        return send(method, path, body, "xi-api-key", "sim-key");
    }

    Reply send(String method, String path, Object body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    Map<String, Object> configure(Map<String, Object> change) {
        Reply reply = send("PUT", "/simulator/config", change);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.map();
    }

    Map<String, Object> parse(String body) {
        return json.readValue(body, Map.class);
    }

    /** Follows a dotted path through nested JSON objects. */
    @SuppressWarnings("unchecked")
    static Object at(Object json, String path) {
        Object node = json;
        for (String key : path.split("\\.")) {
            node = node == null ? null : ((Map<String, Object>) node).get(key);
        }
        return node;
    }

    final class Reply {
        private final int status;
        private final String body;

        Reply(int status, String body) {
            this.status = status;
            this.body = body;
        }

        int status() {
            return status;
        }

        String body() {
            return body;
        }

        Map<String, Object> map() {
            return parse(body);
        }

        List<Object> list() {
            return json.readValue(body, List.class);
        }
    }
}
