package com.revos.voice.optimizer.campaign.infrastructure;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.jspecify.annotations.Nullable;

/**
 * The event ids seen in the last {@code retention}, to drop duplicates and replays (ADR 0023). A redelivered event
 * keeps its record key (the campaign) and its CloudEvent {@code time}, so the ids are kept in buckets: one entry per
 * key and {@link #BUCKET} of event time, holding that bucket's ids packed. The store is cached, so a bucket that
 * several events join within a commit interval reaches the changelog once, where an entry per event id cost a
 * changelog record per event: a third of the optimizer's time at 50,000 events/s. Point reads stay point reads.
 * A bucket holds at most {@link #BUCKET_CAPACITY} ids (a replayed backlog of one hot campaign cannot grow a value
 * without bound); the ids beyond it get an entry of their own, as every id once had.
 */
final class SeenEvents {

    static final Duration BUCKET = Duration.ofSeconds(10);
    static final int BUCKET_CAPACITY = 2_048;
    private static final int ID_BYTES = 16;
    private static final long BUCKET_MILLIS = BUCKET.toMillis();
    private static final String OVERFLOW_PREFIX = "id:";

    private final WindowStore<String, byte[]> store;

    SeenEvents(WindowStore<String, byte[]> store) {
        this.store = store;
    }

    /** The store: RocksDB (or in memory, for the test driver), cached, logged to its changelog. */
    static StoreBuilder<WindowStore<String, byte[]>> storeBuilder(String name, Duration retention,
                                                                  boolean persistent) {
        var supplier = persistent ? Stores.persistentWindowStore(name, retention, BUCKET, false)
                : Stores.inMemoryWindowStore(name, retention, BUCKET, false);
        return Stores.windowStoreBuilder(supplier, Serdes.String(), Serdes.ByteArray()).withCachingEnabled();
    }

    /** True the first time an event is seen (and remembers it), false for a duplicate within the retention. */
    boolean firstSighting(@Nullable String key, UUID id, long eventTimeMillis) {
        var bucketKey = key == null ? "" : key;
        var bucketStart = eventTimeMillis - Math.floorMod(eventTimeMillis, BUCKET_MILLIS);
        var ids = store.fetch(bucketKey, bucketStart);
        if (ids != null && contains(ids, id)) {
            return false;
        }
        if (ids != null && ids.length >= BUCKET_CAPACITY * ID_BYTES) {
            var own = OVERFLOW_PREFIX + id;
            if (store.fetch(own, bucketStart) != null) {
                return false;
            }
            store.put(own, new byte[0], bucketStart);
            return true;
        }
        store.put(bucketKey, appended(ids, id), bucketStart);
        return true;
    }

    private static boolean contains(byte[] ids, UUID id) {
        var buffer = ByteBuffer.wrap(ids);
        var most = id.getMostSignificantBits();
        var least = id.getLeastSignificantBits();
        for (int at = 0; at + ID_BYTES <= ids.length; at += ID_BYTES) {
            if (buffer.getLong(at) == most && buffer.getLong(at + 8) == least) {
                return true;
            }
        }
        return false;
    }

    private static byte[] appended(byte @Nullable [] ids, UUID id) {
        var length = ids == null ? 0 : ids.length;
        var grown = new byte[length + ID_BYTES];
        if (ids != null) {
            System.arraycopy(ids, 0, grown, 0, length);
        }
        ByteBuffer.wrap(grown, length, ID_BYTES).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits());
        return grown;
    }
}
