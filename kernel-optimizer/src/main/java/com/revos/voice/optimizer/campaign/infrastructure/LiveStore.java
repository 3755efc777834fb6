package com.revos.voice.optimizer.campaign.infrastructure;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;
import org.jspecify.annotations.Nullable;

/**
 * Values as live objects in front of a changelogged store: the processor reads and updates the same object event
 * after event, and the values changed since the last commit are written into the store once, when Kafka Streams
 * flushes its caches before it commits. It holds the campaign states and the buckets of seen event ids
 * ({@link SeenEvents}). The store registered with Kafka Streams is this one, and a commit flushes the registered
 * stores that are {@link CachedStateStore}s ({@code StreamTask.flush} -> {@code ProcessorStateManager.flushCache},
 * Kafka Streams 4.1): that interface lives in Kafka Streams' internals, so this class depends on them, as Kafka's
 * own caching layer does; {@code OptimizerTopologyTest.every_commit_stores_the_campaign_states_the_events_changed}
 * fails if a Kafka upgrade stops calling it. Before, every event deserialized and re-serialized its campaign's whole
 * state (~5 KB, 200 attempts), the largest single cost of the topology (docs/benchmarks.md, "per-event path"); Kafka
 * Streams' own cache, tried for the seen ids, costs a sorted-map lookup per read and write (ADR 0024).
 * <p>
 * Replay safety is Kafka Streams' own: what is committed is exactly what was flushed with the offsets in the same
 * transaction; a task closed dirty (a failure) drops the live objects ({@link #clearCache()}, {@link #close()}), its
 * state is restored from the changelog and the uncommitted events are processed again. Reads from other threads
 * (interactive queries) see the store as of the last flush, never an object the stream thread is changing.
 */
final class LiveStore<V> implements KeyValueStore<String, V>, CachedStateStore<String, V> {

    /** Beyond this many live values, the changed ones are written down and the map starts over. */
    static final int MAX_LIVE = 20_000;

    private final KeyValueStore<String, V> stored;
    private final Map<String, V> live = new HashMap<>();
    private final Set<String> changed = new LinkedHashSet<>();
    private volatile @Nullable Thread owner;

    LiveStore(KeyValueStore<String, V> stored) {
        this.stored = stored;
    }

    static <V> StoreBuilder<KeyValueStore<String, V>> builder(StoreBuilder<KeyValueStore<String, V>> stored) {
        return new Builder<>(stored);
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        owner = Thread.currentThread();
        live.clear();
        changed.clear();
        stored.init(context, root);
    }

    private boolean owned() {
        return Thread.currentThread() == owner;
    }

    @Override
    public @Nullable V get(String key) {
        if (!owned()) {
            return stored.get(key);
        }
        var value = live.get(key);
        if (value == null) {
            value = stored.get(key);
            if (value != null) {
                keep(key, value);
            }
        }
        return value;
    }

    @Override
    public void put(String key, @Nullable V value) {
        if (!owned()) {
            stored.put(key, value);
            return;
        }
        if (value == null) {
            delete(key);
            return;
        }
        keep(key, value);
        changed.add(key);
    }

    private void keep(String key, V value) {
        if (live.size() >= MAX_LIVE && !live.containsKey(key)) {
            writeDown();
            live.clear();
        }
        live.put(key, value);
    }

    @Override
    public @Nullable V putIfAbsent(String key, @Nullable V value) {
        var current = get(key);
        if (current == null) {
            put(key, value);
        }
        return current;
    }

    @Override
    public void putAll(List<KeyValue<String, V>> entries) {
        entries.forEach(entry -> put(entry.key, entry.value));
    }

    @Override
    public @Nullable V delete(String key) {
        var current = get(key);
        live.remove(key);
        changed.remove(key);
        stored.delete(key);
        return current;
    }

    /** The changed values into the store below (its cache, changelog and RocksDB follow at its own flush). */
    private void writeDown() {
        if (!owned()) {
            return;
        }
        for (var key : changed) {
            stored.put(key, live.get(key));
        }
        changed.clear();
    }

    @Override
    public KeyValueIterator<String, V> range(String from, String to) {
        writeDown();
        return stored.range(from, to);
    }

    @Override
    public KeyValueIterator<String, V> reverseRange(String from, String to) {
        writeDown();
        return stored.reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<String, V> all() {
        writeDown();
        return stored.all();
    }

    @Override
    public KeyValueIterator<String, V> reverseAll() {
        writeDown();
        return stored.reverseAll();
    }

    @Override
    public <S extends Serializer<P>, P> KeyValueIterator<String, V> prefixScan(P prefix, S serializer) {
        writeDown();
        return stored.prefixScan(prefix, serializer);
    }

    @Override
    public long approximateNumEntries() {
        writeDown();
        return stored.approximateNumEntries();
    }

    @Override
    public void flush() {
        writeDown();
        stored.flush();
    }

    /** What a commit calls: the changed values go into the store below, and into its cache when it has one. */
    @Override
    public void flushCache() {
        writeDown();
        if (stored instanceof CachedStateStore<?, ?> cached) {
            cached.flushCache();
        }
    }

    /** A task closed dirty or corrupted: what was not committed must not survive, here or below. */
    @Override
    public void clearCache() {
        live.clear();
        changed.clear();
        if (stored instanceof CachedStateStore<?, ?> cached) {
            cached.clearCache();
        }
    }

    /** No listener: the processor forwards nothing from this store (only a KTable's cache forwards on flush). */
    @Override
    public boolean setFlushListener(CacheFlushListener<String, V> listener, boolean sendOldValues) {
        return false;
    }

    /** Drops the live objects: after a clean close they were flushed; after a dirty one they must not survive. */
    @Override
    public void close() {
        live.clear();
        changed.clear();
        stored.close();
    }

    @Override
    public String name() {
        return stored.name();
    }

    @Override
    public boolean persistent() {
        return stored.persistent();
    }

    @Override
    public boolean isOpen() {
        return stored.isOpen();
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return stored.query(query, positionBound, config);
    }

    @Override
    public Position getPosition() {
        return stored.getPosition();
    }

    private record Builder<V>(StoreBuilder<KeyValueStore<String, V>> stored)
            implements StoreBuilder<KeyValueStore<String, V>> {

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withCachingEnabled() {
            return new Builder<>(stored.withCachingEnabled());
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withCachingDisabled() {
            return new Builder<>(stored.withCachingDisabled());
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withLoggingEnabled(Map<String, String> config) {
            return new Builder<>(stored.withLoggingEnabled(config));
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withLoggingDisabled() {
            return new Builder<>(stored.withLoggingDisabled());
        }

        @Override
        public KeyValueStore<String, V> build() {
            return new LiveStore<>(stored.build());
        }

        @Override
        public Map<String, String> logConfig() {
            return stored.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return stored.loggingEnabled();
        }

        @Override
        public String name() {
            return stored.name();
        }
    }
}
