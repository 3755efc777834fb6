package com.revos.voice.optimizer.campaign.infrastructure;

import com.revos.voice.optimizer.campaign.model.HourlyConnects;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

/**
 * The tenant's hourly connects across all its campaigns, whatever partition each campaign is on (ADR 0021): every
 * campaign task publishes its campaigns' hourly counts, keyed {@code tenant:campaign}, to the compacted topic
 * {@link OptimizerTopology#TENANT_HOURS_TOPIC}; every instance reads that topic into a global store, where the
 * retime prior of a campaign is the sum of its tenant's other campaigns (a prefix scan, only when a retime is
 * planned).
 */
final class TenantHours {

    private static final StringSerializer KEYS = new StringSerializer();

    private TenantHours() {
    }

    static String key(UUID tenantId, UUID campaignId) {
        return tenantId + ":" + campaignId;
    }

    static byte[] bytes(HourlyConnects hourly) {
        var buffer = ByteBuffer.allocate(HourlyConnects.serializedSize());
        hourly.writeTo(buffer);
        return buffer.array();
    }

    /** The tenant's other campaigns' hourly connects, as last published. */
    static HourlyConnects ofOthers(KeyValueStore<String, byte[]> store, UUID tenantId, UUID campaignId) {
        var total = new HourlyConnects();
        var own = key(tenantId, campaignId);
        try (var entries = store.prefixScan(tenantId + ":", KEYS)) {
            entries.forEachRemaining(entry -> {
                if (!entry.key.equals(own) && entry.value != null
                        && entry.value.length == HourlyConnects.serializedSize()) {
                    total.addAll(HourlyConnects.readFrom(ByteBuffer.wrap(entry.value)));
                }
            });
        }
        return total;
    }

    /** Keeps the global store up to date with the topic (a tombstone removes a campaign). */
    static final class Loader implements Processor<String, byte[], Void, Void> {

        private @Nullable KeyValueStore<String, byte[]> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(OptimizerTopology.TENANT_HOURS_STORE);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            var store = Objects.requireNonNull(this.store, "Kafka Streams calls init before anything else");
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
        }
    }
}
