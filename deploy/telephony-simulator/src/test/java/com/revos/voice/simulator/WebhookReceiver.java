package com.revos.voice.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The product's webhook endpoint as the simulator sees it: a real HTTP server that records what arrives. */
final class WebhookReceiver {

    private static final WebhookReceiver SHARED = start();

    private final HttpServer server;
    private final Queue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failuresToInject = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver shared() {
        return SHARED;
    }

    private static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/webhooks/elevenlabs/post-call", receiver::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the webhook receiver", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/elevenlabs/post-call";
    }

    /** The next {@code n} attempts get a 503, as an overloaded intake would answer. */
    void failNext(int n) {
        failuresToInject.set(n);
    }

    int attempts() {
        return attempts.get();
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    void clear() {
        deliveries.clear();
        failuresToInject.set(0);
        attempts.set(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            attempts.incrementAndGet();
            if (failuresToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("ElevenLabs-Signature"), body));
            exchange.sendResponseHeaders(200, -1);
        }
    }

    record Delivery(String signature, String body) {
    }
}
