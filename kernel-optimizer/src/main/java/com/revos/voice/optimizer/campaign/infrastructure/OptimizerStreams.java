package com.revos.voice.optimizer.campaign.infrastructure;

import com.revos.voice.optimizer.campaign.model.CampaignState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.processor.internals.GlobalStreamThread;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.jspecify.annotations.Nullable;

/**
 * The Kafka Streams instance as a lifecycle bean (plain Kafka Streams rather than a Spring Cloud Stream binder:
 * the Kafka binder of the plumbing is on the classpath too, and one processor needs no binding layer).
 * A failing stream thread (the database away, say) is replaced; exactly-once reprocesses from the last commit and
 * the deterministic decision ids keep that from sending anything twice. A failing global thread restarts the
 * instance on a wiped state directory ({@link #onThreadFailure}).
 */
final class OptimizerStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OptimizerStreams.class);

    private final Supplier<Topology> topology;
    private final Properties config;
    private final MeterRegistry meters;
    private final Duration closeTimeout;
    private static final int MAX_CLOSE_WAITS = 12;

    private final Counter stateResets;
    /** Restarts after a global-store failure run here: never on a Streams thread, which close() would wait for. */
    private final ExecutorService resets = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("optimizer-state-reset").daemon().factory());
    private volatile @Nullable KafkaStreams streams;
    private volatile @Nullable KafkaStreamsMetrics metrics;

    OptimizerStreams(Supplier<Topology> topology, Properties config, MeterRegistry meters, Duration closeTimeout) {
        this.topology = topology;
        this.config = config;
        this.meters = meters;
        this.closeTimeout = closeTimeout;
        this.stateResets = Counter.builder("revos.optimizer.state.resets")
                .description("Restarts with the local state wiped, after the global store could not follow its topic")
                .register(meters);
    }

    @Override
    public synchronized void start() {
        if (streams != null) {
            return;
        }
        ensureTenantHoursTopic();
        launch();
    }

    private void launch() {
        var instance = new KafkaStreams(topology.get(), config);
        instance.setUncaughtExceptionHandler(this::onThreadFailure);
        // Kafka's own client metrics (consumer lag among them) for the dashboards and the consumer-lag alert
        var bound = new KafkaStreamsMetrics(instance);
        bound.bindTo(meters);
        metrics = bound;
        instance.start();
        streams = instance;
    }

    /**
     * A stream thread is replaced: exactly-once reprocesses from its last commit. The global thread cannot be
     * (Kafka Streams 4.1 fails casting it to a stream thread), and when it fails it is usually for good: its
     * checkpoint names offsets its topic no longer has (the broker was reset under a kept state directory), and a
     * plain restart reads the same checkpoint. So the instance shuts down and is started again on a wiped state
     * directory; every store restores from Kafka, which holds the truth (StateOutlivesBrokerIT).
     */
    private StreamThreadExceptionResponse onThreadFailure(Throwable failure) {
        if (!(Thread.currentThread() instanceof GlobalStreamThread)) {
            log.error("Optimizer stream thread failed; replacing it", failure);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        var failed = streams;
        log.error("The optimizer's global store (tenant hours) cannot follow its topic; restarting the optimizer with "
                + "its local state wiped, to be restored from Kafka", failure);
        resets.execute(() -> resetState(failed));
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    private synchronized void resetState(@Nullable KafkaStreams failed) {
        if (failed == null || streams != failed) {
            return; // stopped meanwhile, or already reset
        }
        // the instance is already shutting itself down; close() waits for that, a timeout at a time
        for (int waited = 0; !failed.close(closeTimeout); waited++) {
            if (waited == MAX_CLOSE_WAITS) {
                log.error("The failed optimizer did not stop within {}; not restarting it. Restart the service.",
                        closeTimeout.multipliedBy(MAX_CLOSE_WAITS));
                return;
            }
        }
        failed.cleanUp();
        closeMetrics();
        stateResets.increment();
        launch();
    }

    /**
     * The tenant-hours topic is ours (no other service reads it) and compacted: the latest counts per campaign are
     * all the global store needs. Kafka Streams creates its changelogs, not the topics a global store reads.
     */
    private void ensureTenantHoursTopic() {
        var bootstrap = String.valueOf(config.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
        var replication = Short.parseShort(String.valueOf(config.getOrDefault(StreamsConfig.REPLICATION_FACTOR_CONFIG,
                "1")));
        try (var admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(OptimizerTopology.TENANT_HOURS_TOPIC, Optional.empty(),
                            Optional.of(replication)).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                            TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                log.warn("Could not create {}; the global store waits for it", OptimizerTopology.TENANT_HOURS_TOPIC,
                        e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            log.warn("Could not create {} in time; the global store waits for it",
                    OptimizerTopology.TENANT_HOURS_TOPIC);
        }
    }

    @Override
    public synchronized void stop() {
        var current = streams;
        if (current != null) {
            current.close(closeTimeout);
            streams = null;
        }
        closeMetrics();
    }

    private void closeMetrics() {
        var bound = metrics;
        if (bound != null) {
            bound.close();
            metrics = null;
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    /**
     * A campaign's current state from the local store (interactive query), when this instance holds it and the
     * store is queryable (not during a rebalance).
     */
    Optional<CampaignState> campaign(UUID campaignId) {
        var current = streams;
        if (current == null) {
            return Optional.empty();
        }
        try {
            var store = current.store(StoreQueryParameters.fromNameAndType(OptimizerTopology.STATE_STORE,
                    QueryableStoreTypes.<String, CampaignState>keyValueStore()));
            return Optional.ofNullable(store.get(campaignId.toString()));
        } catch (InvalidStateStoreException notNow) {
            return Optional.empty();
        }
    }

    /** The instance's state, or NOT_RUNNING when stopped. */
    KafkaStreams.State state() {
        var current = streams;
        return current == null ? KafkaStreams.State.NOT_RUNNING : current.state();
    }
}
