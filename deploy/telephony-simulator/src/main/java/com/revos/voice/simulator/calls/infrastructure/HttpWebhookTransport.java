package com.revos.voice.simulator.calls.infrastructure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import com.revos.voice.simulator.calls.application.WebhookTransport;

/** POSTs webhooks with the JDK's asynchronous client, so a slow receiver holds no simulator thread. */
final class HttpWebhookTransport implements WebhookTransport {

    private final URI url;
    private final Duration timeout;
    private final HttpClient client;

    HttpWebhookTransport(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    @Override
    public CompletableFuture<Integer> post(String body, String signatureHeader) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("ElevenLabs-Signature", signatureHeader)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }
}
