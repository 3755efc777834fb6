package com.revos.voice.simulator.calls.application;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers webhooks like ElevenLabs' sender: signed at each attempt, retried with growing delays on 5xx, 429, 408
 * or no response, never on other 4xx (the receiver rejected it on purpose, e.g. a bad signature), and counted as
 * failed once the attempts are used up. The delays are compressed (base, 4x base, 16x base, ...) compared with
 * the real 30 s / 2 min / 8 min / 30 min so that demos and tests see retries in seconds.
 */
public final class WebhookDispatcher {

    private final WebhookTransport transport;
    private final WebhookSigner signer;
    private final JsonEncoder json;
    private final ScheduledExecutorService scheduler;
    private final InstantSource clock;
    private final CallStats stats;
    private final int maxAttempts;
    private final Duration retryDelay;

    public WebhookDispatcher(WebhookTransport transport, WebhookSigner signer, JsonEncoder json,
                             ScheduledExecutorService scheduler, InstantSource clock, CallStats stats,
                             int maxAttempts, Duration retryDelay) {
        this.transport = transport;
        this.signer = signer;
        this.json = json;
        this.scheduler = scheduler;
        this.clock = clock;
        this.stats = stats;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.retryDelay = retryDelay;
    }

    public void deliver(Map<String, Object> payload) {
        String type = String.valueOf(payload.get("type"));
        attempt(json.encode(payload), type, 1);
    }

    private void attempt(String body, String type, int attempt) {
        String signature = signer.header(clock.instant().getEpochSecond(), body);
        transport.post(body, signature).whenComplete((status, error) -> {
            if (error == null && status >= 200 && status < 300) {
                stats.webhookDelivered(type);
            } else if ((error != null || retryable(status)) && attempt < maxAttempts) {
                stats.webhookRetried(type);
                long delayMs = retryDelay.toMillis() * (1L << (2 * (attempt - 1)));
                scheduler.schedule(() -> attempt(body, type, attempt + 1), delayMs, TimeUnit.MILLISECONDS);
            } else {
                stats.webhookFailed(type);
            }
        });
    }

    static boolean retryable(int status) {
        return status >= 500 || status == 429 || status == 408;
    }
}
