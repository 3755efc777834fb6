package com.revos.voice.testsupport;

import com.revos.voice.events.kafka.KafkaEnvelopes;
import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.MalformedEventException;
import com.revos.voice.events.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning with a fresh group, for assertions on what really reached the broker.
 * Await with Awaitility: {@code await().until(() -> probe.poll().stream().anyMatch(...))}.
 */
public final class KafkaProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new CopyOnWriteArrayList<>();

    private KafkaProbe(String... topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topics));
    }

    public static KafkaProbe on(Topic<?>... topics) {
        return new KafkaProbe(java.util.Arrays.stream(topics).map(Topic::name).toArray(String[]::new));
    }

    public static KafkaProbe onTopics(String... topics) {
        return new KafkaProbe(topics);
    }

    /** Polls once and returns every record seen so far. */
    public synchronized List<ConsumerRecord<String, byte[]>> poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return List.copyOf(seen);
    }

    /**
     * Every CloudEvent seen so far that matches, as envelopes. Records that are not CloudEvents (other tests' poison
     * records on a shared topic) are passed over.
     */
    public List<EventEnvelope> envelopes(Predicate<EventEnvelope> filter) {
        var result = new ArrayList<EventEnvelope>();
        for (var record : poll()) {
            try {
                var envelope = KafkaEnvelopes.read(record);
                if (filter.test(envelope)) {
                    result.add(envelope);
                }
            } catch (MalformedEventException notOurs) {
                // not an event of ours: irrelevant to what the caller asks
            }
        }
        return result;
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
