package com.revos.voice.webhook.intake.infrastructure;

import com.revos.voice.events.Topic;
import com.revos.voice.testsupport.RealInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics from the beginning up to their end offsets as of the call. The intake answers only after the broker
 * acknowledged, so once every response is in, everything the requests produced lies below those offsets: a count
 * taken then is final, and absence is proven without waiting.
 */
final class TopicScan {

    private TopicScan() {
    }

    static long countContaining(String marker, Topic<?>... topics) {
        return containing(RealInfrastructure.kafkaBootstrapServers(), marker, topics).size();
    }

    /** The records on the broker whose value contains the marker. */
    static List<ConsumerRecord<String, byte[]>> containing(String bootstrapServers, String marker,
                                                           Topic<?>... topics) {
        var needle = marker.getBytes(StandardCharsets.UTF_8);
        var found = new ArrayList<ConsumerRecord<String, byte[]>>();
        scan(bootstrapServers, record -> {
            if (record.value() != null && indexOf(record.value(), needle) >= 0) {
                found.add(record);
            }
        }, topics);
        return found;
    }

    static void scan(Consumer<ConsumerRecord<String, byte[]>> visitor, Topic<?>... topics) {
        scan(RealInfrastructure.kafkaBootstrapServers(), visitor, topics);
    }

    private static void scan(String bootstrapServers, Consumer<ConsumerRecord<String, byte[]>> visitor,
                             Topic<?>... topics) {
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            var partitions = Arrays.stream(topics)
                    .flatMap(topic -> consumer.partitionsFor(topic.name()).stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (!reached(consumer, partitions, end)) {
                consumer.poll(Duration.ofMillis(200)).forEach(visitor);
            }
        }
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions,
                                   Map<TopicPartition, Long> end) {
        return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
