package com.revos.voice.optimizer.campaign.infrastructure;

import com.revos.voice.optimizer.campaign.model.CampaignState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
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
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.jspecify.annotations.Nullable;

/**
 * The Kafka Streams instance as a lifecycle bean (plain Kafka Streams rather than a Spring Cloud Stream binder:
 * the Kafka binder of the plumbing is on the classpath too, and one processor needs no binding layer).
 * A failing stream thread (the database away, say) is replaced; exactly-once reprocesses from the last commit and
 * the deterministic decision ids keep that from sending anything twice.
 */
final class OptimizerStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OptimizerStreams.class);

    private final Supplier<Topology> topology;
    private final Properties config;
    private final MeterRegistry meters;
    private final Duration closeTimeout;
    private volatile @Nullable KafkaStreams streams;
    private volatile @Nullable KafkaStreamsMetrics metrics;

    OptimizerStreams(Supplier<Topology> topology, Properties config, MeterRegistry meters, Duration closeTimeout) {
        this.topology = topology;
        this.config = config;
        this.meters = meters;
        this.closeTimeout = closeTimeout;
    }

    @Override
    public synchronized void start() {
        if (streams != null) {
            return;
        }
        ensureTenantHoursTopic();
        var instance = new KafkaStreams(topology.get(), config);
        instance.setUncaughtExceptionHandler(e -> {
            log.error("Optimizer stream thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        // Kafka's own client metrics (consumer lag among them) for the dashboards and the consumer-lag alert
        var bound = new KafkaStreamsMetrics(instance);
        bound.bindTo(meters);
        metrics = bound;
        instance.start();
        streams = instance;
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
