package com.revos.voice.optimizer.campaign.infrastructure;

import com.revos.voice.optimizer.campaign.model.CampaignState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

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
    private volatile KafkaStreams streams;
    private volatile KafkaStreamsMetrics metrics;

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
        var instance = new KafkaStreams(topology.get(), config);
        instance.setUncaughtExceptionHandler(e -> {
            log.error("Optimizer stream thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        // Kafka's own client metrics (consumer lag among them) for the dashboards and the consumer-lag alert
        metrics = new KafkaStreamsMetrics(instance);
        metrics.bindTo(meters);
        instance.start();
        streams = instance;
    }

    @Override
    public synchronized void stop() {
        if (streams != null) {
            streams.close(closeTimeout);
            streams = null;
            metrics.close();
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
