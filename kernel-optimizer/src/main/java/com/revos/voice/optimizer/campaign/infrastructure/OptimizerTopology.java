package com.revos.voice.optimizer.campaign.infrastructure;

import com.revos.voice.events.Topics;
import com.revos.voice.optimizer.campaign.application.CampaignMonitor;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * One processor reads call outcomes and campaign events (both keyed by campaign id, so co-partitioned) and keeps
 * each campaign's state in a local store backed by a changelog topic, as live objects serialized once per commit
 * ({@link LiveStore}); a windowed store remembers event ids ({@link SeenEvents}).
 * Commands leave through the outbox, not through a sink topic; the sinks are the dead-letter topic of the source
 * topic a record came from ({@code <topic>.kernel-optimizer.dlt}), for records that can never be read, and the
 * tenant-hours topic, read back by every instance as a global store: the retime prior pools the tenant's campaigns
 * on every partition ({@link TenantHours}, ADR 0021).
 */
final class OptimizerTopology {

    static final String SOURCE = "bus-events";
    static final String PROCESSOR = "campaign-rules";
    static final String STATE_STORE = "campaign-state";
    /** Renamed from {@code seen-events} when the ids moved into buckets (ADR 0024): a new changelog, not a reread. */
    static final String SEEN_STORE = "seen-event-buckets";

    static final String DEAD_LETTERS = "dead-letters";
    /** The tenant's hourly connects across partitions (ADR 0021): published by every task, read by every instance. */
    static final String TENANT_HOURS_TOPIC = "kernel-optimizer.tenant-hours";
    static final String TENANT_HOURS_SINK = "tenant-hours-out";
    static final String TENANT_HOURS_SOURCE = "tenant-hours-in";
    static final String TENANT_HOURS_LOADER = "tenant-hours-loader";
    static final String TENANT_HOURS_STORE = "tenant-hours";
    /** The group part of the optimizer's dead-letter topics, whatever its Streams application id. */
    static final String DEAD_LETTER_GROUP = "kernel-optimizer";

    private OptimizerTopology() {
    }

    static String deadLetterTopic(String sourceTopic) {
        return sourceTopic.equals(Topics.CAMPAIGNS.name()) ? Topics.CAMPAIGNS.deadLetterTopic(DEAD_LETTER_GROUP)
                : Topics.CALLS.deadLetterTopic(DEAD_LETTER_GROUP);
    }

    static Topology build(CampaignMonitor monitor, Duration dedupRetention) {
        return build(monitor, dedupRetention, true);
    }

    /**
     * @param persistent RocksDB stores (production); in-memory stores, still changelogged, suit the test driver,
     *        which commits and checkpoints persistent stores after every single record
     */
    static Topology build(CampaignMonitor monitor, Duration dedupRetention, boolean persistent) {
        var topology = new Topology();
        topology.addSource(SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                Topics.CALLS.name(), Topics.CAMPAIGNS.name());
        topology.addProcessor(PROCESSOR, () -> new CampaignEventsProcessor(monitor, dedupRetention), SOURCE);
        topology.addSink(DEAD_LETTERS, (key, value, context) -> deadLetterTopic(context.topic()),
                Serdes.String().serializer(), Serdes.ByteArray().serializer(), PROCESSOR);
        topology.addSink(TENANT_HOURS_SINK, TENANT_HOURS_TOPIC, Serdes.String().serializer(),
                Serdes.ByteArray().serializer(), PROCESSOR);
        // the topic is the global store's changelog: no second one
        var tenantHours = persistent ? Stores.persistentKeyValueStore(TENANT_HOURS_STORE)
                : Stores.inMemoryKeyValueStore(TENANT_HOURS_STORE);
        topology.addGlobalStore(Stores.keyValueStoreBuilder(tenantHours, Serdes.String(), Serdes.ByteArray())
                        .withLoggingDisabled(), TENANT_HOURS_SOURCE, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer(), TENANT_HOURS_TOPIC, TENANT_HOURS_LOADER, TenantHours.Loader::new);
        var states = persistent ? Stores.persistentKeyValueStore(STATE_STORE)
                : Stores.inMemoryKeyValueStore(STATE_STORE);
        topology.addStateStore(LiveStore.builder(Stores.keyValueStoreBuilder(states, Serdes.String(),
                new CampaignStateSerde()).withCachingEnabled()), PROCESSOR);
        topology.addStateStore(SeenEvents.storeBuilder(SEEN_STORE, persistent), PROCESSOR);
        return topology;
    }
}
