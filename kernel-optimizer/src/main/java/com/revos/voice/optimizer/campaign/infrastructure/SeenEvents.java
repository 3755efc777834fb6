package com.revos.voice.optimizer.campaign.infrastructure;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.jspecify.annotations.Nullable;

/**
 * The event ids seen in the last {@code retention}, to drop duplicates and replays (ADR 0024). A redelivered event
 * keeps its record key (the campaign) and its CloudEvent {@code time}, so the ids are kept in buckets: one entry per
 * key and {@link #BUCKET} of event time, holding that bucket's ids packed, as live values ({@link LiveStore}) written
 * down once per commit. An entry per event id cost a changelog record per event: a third of the optimizer's time at
 * 50,000 events/s. A bucket holds at most {@link #BUCKET_CAPACITY} ids (a replayed backlog of one hot campaign cannot
 * grow a value without bound); the ids beyond it get an entry of their own. Entry keys start with the bucket's
 * start, so the buckets older than the retention (in stream time) are one range to delete.
 */
final class SeenEvents {

    static final Duration BUCKET = Duration.ofSeconds(10);
    static final int BUCKET_CAPACITY = 2_048;
    /** How often, in stream time, the buckets past the retention are deleted. */
    static final Duration FORGET_EVERY = Duration.ofMinutes(1);
    private static final int ID_BYTES = 16;
    private static final long BUCKET_MILLIS = BUCKET.toMillis();
    private static final byte[] OWN_ENTRY = new byte[0];

    private final KeyValueStore<String, byte[]> store;
    private final long retentionMillis;

    SeenEvents(KeyValueStore<String, byte[]> store, Duration retention) {
        this.store = store;
        this.retentionMillis = retention.toMillis();
    }

    /** The store: RocksDB (or in memory, for the test driver) behind live values, logged to its changelog. */
    static StoreBuilder<KeyValueStore<String, byte[]>> storeBuilder(String name, boolean persistent) {
        var supplier = persistent ? Stores.persistentKeyValueStore(name) : Stores.inMemoryKeyValueStore(name);
        return LiveStore.builder(Stores.keyValueStoreBuilder(supplier, Serdes.String(), Serdes.ByteArray()));
    }

    /** True the first time an event is seen (and remembers it), false for a duplicate within the retention. */
    boolean firstSighting(@Nullable String key, UUID id, long eventTimeMillis) {
        var bucketStart = eventTimeMillis - Math.floorMod(eventTimeMillis, BUCKET_MILLIS);
        var bucketKey = bucketPrefix(bucketStart) + (key == null ? "" : key);
        var ids = store.get(bucketKey);
        if (ids != null && contains(ids, id)) {
            return false;
        }
        if (ids != null && ids.length >= BUCKET_CAPACITY * ID_BYTES) {
            var own = bucketPrefix(bucketStart) + "id:" + id;
            if (store.get(own) != null) {
                return false;
            }
            store.put(own, OWN_ENTRY);
            return true;
        }
        store.put(bucketKey, appended(ids, id));
        return true;
    }

    /** Forgets the buckets that started more than the retention before {@code streamTimeMillis}. */
    void forgetExpired(long streamTimeMillis) {
        var cutoff = streamTimeMillis - retentionMillis;
        if (cutoff <= 0) {
            return;
        }
        var expired = new ArrayList<String>();
        // every key is "<13-digit bucket start>/...", so the range up to the bare cutoff holds exactly the older ones
        try (var older = store.range(bucketPrefix(0), startDigits(cutoff))) {
            older.forEachRemaining(entry -> expired.add(entry.key));
        }
        expired.forEach(store::delete);
    }

    private static String bucketPrefix(long bucketStart) {
        return startDigits(bucketStart) + "/";
    }

    /** Epoch milliseconds as 13 digits, so keys sort by time; padded by hand: this runs for every event. */
    private static String startDigits(long millis) {
        var digits = Long.toString(Math.max(0, millis));
        return digits.length() >= 13 ? digits : "0".repeat(13 - digits.length()) + digits;
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
