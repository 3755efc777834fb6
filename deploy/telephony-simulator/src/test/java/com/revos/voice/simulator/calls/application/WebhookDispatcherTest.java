package com.revos.voice.simulator.calls.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.revos.voice.simulator.calls.model.Admission;
import com.revos.voice.simulator.calls.model.CallOutcome;

class WebhookDispatcherTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final CallStats stats = new CallStats(new NoMetrics());

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void retries_server_errors_and_connection_failures_until_delivered() {
        ScriptedTransport transport = new ScriptedTransport(503, -1, 429, 200);

        dispatcher(transport, 5).deliver(Map.of("type", "post_call_transcription"));

        await().atMost(Duration.ofSeconds(5)).until(() -> stats.snapshot().webhooksDelivered() == 1);
        assertThat(transport.signatures).hasSize(4).allMatch(s -> s.startsWith("t=1785000000,v0="));
        assertThat(stats.snapshot().webhookRetries()).isEqualTo(3);
        assertThat(stats.snapshot().webhooksFailed()).isZero();
    }

    @Test
    void gives_up_after_the_last_attempt() {
        ScriptedTransport transport = new ScriptedTransport(500, 500, 500);

        dispatcher(transport, 3).deliver(Map.of("type", "post_call_transcription"));

        await().atMost(Duration.ofSeconds(5)).until(() -> stats.snapshot().webhooksFailed() == 1);
        assertThat(transport.signatures).hasSize(3);
    }

    @Test
    void does_not_retry_a_rejection() {
        ScriptedTransport transport = new ScriptedTransport(401, 200);

        dispatcher(transport, 5).deliver(Map.of("type", "call_initiation_failure"));

        await().atMost(Duration.ofSeconds(5)).until(() -> stats.snapshot().webhooksFailed() == 1);
        assertThat(transport.signatures).hasSize(1);
    }

    private WebhookDispatcher dispatcher(WebhookTransport transport, int attempts) {
        return new WebhookDispatcher(transport, new WebhookSigner("s"), Object::toString, scheduler,
                InstantSource.fixed(Instant.ofEpochSecond(1_785_000_000L)), stats, attempts, Duration.ofMillis(1));
    }

    /** Answers with the given statuses in turn; -1 means the connection failed. */
    private static final class ScriptedTransport implements WebhookTransport {

        private final Queue<Integer> statuses;
        final Queue<String> signatures = new ConcurrentLinkedQueue<>();

        ScriptedTransport(Integer... statuses) {
            this.statuses = new ConcurrentLinkedQueue<>(List.of(statuses));
        }

        @Override
        public CompletableFuture<Integer> post(String body, String signatureHeader) {
            signatures.add(signatureHeader);
            int status = statuses.remove();
            return status < 0 ? CompletableFuture.failedFuture(new java.net.ConnectException("refused"))
                    : CompletableFuture.completedFuture(status);
        }
    }

    private static final class NoMetrics implements SimulatorMetrics {
        @Override public void callPlaced() { }
        @Override public void outboundRejected(Admission reason) { }
        @Override public void outcome(CallOutcome outcome) { }
        @Override public void webhookDelivered(String type) { }
        @Override public void webhookRetried(String type) { }
        @Override public void webhookFailed(String type) { }
    }
}
