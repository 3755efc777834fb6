package com.revos.voice.dialer.call.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Apache's connections, on a real socket to a real HTTP server, reporting each flush of a request as it happens. */
class WriteReportingConnectionsTest {

    private static final Duration ANSWER_AFTER = Duration.ofMillis(300);
    /** When the provider, done waiting, began to answer. */
    private static final AtomicLong ANSWERING = new AtomicLong();

    private final HttpServer provider = slowProvider();

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    @Test
    void a_request_is_reported_once_when_flushed_not_when_its_answer_comes() throws Exception {
        var flushes = new CopyOnWriteArrayList<Long>();
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(new WriteReportingConnections(() -> flushes.add(System.nanoTime()))).build();
        try (var client = HttpClients.custom().setConnectionManager(connections).build()) {
            var post = new HttpPost("http://localhost:" + provider.getAddress().getPort()
                    + "/v1/convai/twilio/outbound-call");
            post.setEntity(new StringEntity("{\"agent_id\":\"agent_1\"}", ContentType.APPLICATION_JSON));
            var body = client.execute(post, response -> EntityUtils.toString(response.getEntity()));
            var answered = System.nanoTime();

            assertThat(body).isEqualTo("{\"success\":true}");
            assertThat(flushes).hasSize(1);
            // measured against the provider's own clock, not the call's start: a cold client's first connect may
            // take longer than the answer on a busy machine, and that is not what is proven here
            assertThat(flushes.getFirst()).as("flushed before the provider began its answer")
                    .isLessThan(ANSWERING.get());
            assertThat(answered - flushes.getFirst()).as("from the flush to the answer").isGreaterThanOrEqualTo(
                    ANSWER_AFTER.toNanos() * 9 / 10);
        }
    }

    private static HttpServer slowProvider() {
        try {
            var server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                LockSupport.parkNanos(ANSWER_AFTER.toNanos());
                ANSWERING.set(System.nanoTime());
                var answer = "{\"success\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
