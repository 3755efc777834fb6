package com.revos.voice.plumbing.outbox;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * The one Debezium embedded engine of a service: it tails the service's outbox table through the write-ahead log
 * ({@code pgoutput}) and publishes every new row to Kafka. A row's offset is marked processed only after Kafka
 * acknowledged its send ({@code acks=all}, idempotent producer), so a crash replays rather than loses: delivery is
 * at least once, and consumers deduplicate by event id. Offsets live in a table of the service's schema.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxProperties properties;
    private final Properties engineConfig;
    private final KafkaTemplate<String, byte[]> kafka;
    private final ReplicationSlots slots;
    private final Counter published;
    private final Counter failures;
    private final Timer commitToAck;
    private final AtomicLong lastPublishedCreatedAtMillis = new AtomicLong(System.currentTimeMillis());
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("outbox-relay-restart").daemon().factory());

    // set by start(), absent before it
    private volatile @Nullable ExecutorService executor;
    private volatile @Nullable DebeziumEngine<ChangeEvent<String, String>> engine;
    private volatile boolean running;

    public OutboxRelay(OutboxProperties properties, Properties engineConfig, KafkaTemplate<String, byte[]> kafka,
                       ReplicationSlots slots, OutboxLag lag, MeterRegistry meters) {
        this.properties = properties;
        this.engineConfig = engineConfig;
        this.kafka = kafka;
        this.slots = slots;
        var slot = properties.effectiveSlotName();
        this.published = Counter.builder("revos.outbox.relay.published").tag("slot", slot)
                .description("Outbox rows published to Kafka and acknowledged").register(meters);
        this.failures = Counter.builder("revos.outbox.relay.failures").tag("slot", slot)
                .description("Relay batches that failed and were retried from the last committed offset")
                .register(meters);
        this.commitToAck = Timer.builder("revos.outbox.relay.latency").tag("slot", slot)
                .description("From the outbox row's commit to Kafka's acknowledgement")
                .publishPercentileHistogram().register(meters);
        meters.gauge("revos.outbox.relay.lag.seconds", List.of(Tag.of("slot", slot)),
                lastPublishedCreatedAtMillis, last -> lag.secondsBehind(Instant.ofEpochMilli(last.get())));
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        var streaming = new CountDownLatch(1);
        startEngine(streaming);
        try {
            // the slot must exist before the service accepts work, else its first events would precede the slot
            if (!streaming.await(properties.startTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Outbox relay {} has not started streaming after {}; it keeps trying in the background",
                        properties.effectiveSlotName(), properties.startTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void startEngine(CountDownLatch streaming) {
        var started = DebeziumEngine.create(Json.class, Json.class, Json.class)
                .using(engineConfig)
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void taskStarted() {
                        log.info("Outbox relay {} is streaming", properties.effectiveSlotName());
                        streaming.countDown();
                    }
                })
                .using((success, message, error) -> onEngineStopped(success, message, error))
                .notifying(this::publishBatch)
                .build();
        var runner = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("outbox-relay-" + properties.effectiveSlotName()).factory());
        engine = started;
        executor = runner;
        runner.execute(started);
    }

    private void publishBatch(List<ChangeEvent<String, String>> records,
                              DebeziumEngine.RecordCommitter<ChangeEvent<String, String>> committer)
            throws InterruptedException {
        var sends = new ArrayList<CompletableFuture<SendResult<String, byte[]>>>(records.size());
        var createdAts = new ArrayList<Instant>(records.size());
        for (var change : records) {
            if (change.value() == null) {
                sends.add(null);
                createdAts.add(null);
                continue;
            }
            var routed = OutboxRecordMapper.route(change.value());
            sends.add(kafka.send(routed.record()));
            createdAts.add(routed.createdAt());
        }
        for (int i = 0; i < records.size(); i++) {
            var send = sends.get(i);
            if (send != null) {
                awaitAcknowledged(send);
                published.increment();
                var createdAt = createdAts.get(i);
                commitToAck.record(Duration.between(createdAt, Instant.now()));
                lastPublishedCreatedAtMillis.set(createdAt.toEpochMilli());
            }
            committer.markProcessed(records.get(i));
        }
        committer.markBatchFinished();
    }

    private void awaitAcknowledged(CompletableFuture<SendResult<String, byte[]>> send) throws InterruptedException {
        try {
            send.get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // not marked processed: the engine stops and is restarted from the last committed offset
            throw new RelayPublishException("Kafka did not acknowledge an outbox event: " + e.getMessage(), e);
        }
    }

    private void onEngineStopped(boolean success, String message, Throwable error) {
        if (!running) {
            return;
        }
        failures.increment();
        log.warn("Outbox relay {} stopped unexpectedly ({}); restarting in {}. Check Kafka and PostgreSQL reachability.",
                properties.effectiveSlotName(), message, properties.restartBackoff());
        restarts.schedule(() -> {
            synchronized (this) {
                if (running) {
                    shutdownExecutor();
                    startEngine(new CountDownLatch(1));
                }
            }
        }, properties.restartBackoff().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            var current = engine;
            if (current != null) {
                current.close();
            }

        } catch (IOException e) {
            log.warn("Closing the outbox relay engine failed", e);
        }
        shutdownExecutor();
    }

    private void shutdownExecutor() {
        var current = executor;
        if (current == null) {
            return;
        }
        current.shutdown();
        try {
            if (!current.awaitTermination(30, TimeUnit.SECONDS)) {
                current.shutdownNow();
            }
        } catch (InterruptedException e) {
            current.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** On context close (not on a mere stop): drops the slot when configured, so tests never leak slots. */
    public void destroy() {
        stop();
        restarts.shutdownNow();
        if (properties.dropSlotOnShutdown()) {
            slots.drop(properties.effectiveSlotName());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Start after the database is migrated and the producer exists, stop after the web server drained. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    static final class RelayPublishException extends RuntimeException {
        RelayPublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
