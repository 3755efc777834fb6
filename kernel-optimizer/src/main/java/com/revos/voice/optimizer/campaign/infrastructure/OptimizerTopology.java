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
 * ({@link LiveCampaignStates}); a windowed store remembers event ids.
 * Commands leave through the outbox, not through a sink topic; the one sink is the dead-letter topic of the source
 * topic a record came from ({@code <topic>.kernel-optimizer.dlt}), for records that can never be read.
 */
final class OptimizerTopology {

    static final String SOURCE = "bus-events";
    static final String PROCESSOR = "campaign-rules";
    static final String STATE_STORE = "campaign-state";
    static final String SEEN_STORE = "seen-events";

    static final String DEAD_LETTERS = "dead-letters";
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
        topology.addProcessor(PROCESSOR, () -> new CampaignEventsProcessor(monitor), SOURCE);
        topology.addSink(DEAD_LETTERS, (key, value, context) -> deadLetterTopic(context.topic()),
                Serdes.String().serializer(), Serdes.ByteArray().serializer(), PROCESSOR);
        var states = persistent ? Stores.persistentKeyValueStore(STATE_STORE)
                : Stores.inMemoryKeyValueStore(STATE_STORE);
        var seen = persistent ? Stores.persistentWindowStore(SEEN_STORE, dedupRetention, dedupRetention, false)
                : Stores.inMemoryWindowStore(SEEN_STORE, dedupRetention, dedupRetention, false);
        topology.addStateStore(LiveCampaignStates.builder(Stores.keyValueStoreBuilder(states, Serdes.String(),
                new CampaignStateSerde()).withCachingEnabled()), PROCESSOR);
        topology.addStateStore(Stores.windowStoreBuilder(seen, Serdes.String(), Serdes.Long()), PROCESSOR);
        return topology;
    }
}
