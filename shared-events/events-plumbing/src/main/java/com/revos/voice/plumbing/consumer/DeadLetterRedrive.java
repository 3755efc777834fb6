package com.revos.voice.plumbing.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Re-drives a dead-letter topic into the topic its records came from, once the reason they failed is fixed:
 * {@code ./revos redrive <dlt>} locally, or the same class from any service's jar in production (docs/operations.md).
 * Each record goes back with its key, value and CloudEvent headers, without the {@code kafka_dlt-*} and
 * {@code revos_dlt_*} ones, plus {@link #REDRIVEN_FROM}. The DLT is read with a consumer group of its own whose
 * offsets are committed after each batch is on the broker, so a second run re-drives only what was dead-lettered
 * since, and only up to where the DLT ended when the run started. Every consumer of the topic sees the record again; the idempotent consumers (event ids) apply it at most once.
 */
public final class DeadLetterRedrive {

    public static final String REDRIVEN_FROM = "revos_redriven_from";
    private static final String USAGE = "Usage: redrive <dead-letter topic> [--bootstrap-servers host:port]";

    private DeadLetterRedrive() {
    }

    /** How many records went back, to which topic. */
    public record Result(int redriven, List<String> topics) {
    }

    public static void main(String[] args) {
        String topic = null;
        var servers = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--bootstrap-servers") && i + 1 < args.length) {
                servers = args[++i];
            } else if (!args[i].startsWith("--") && topic == null) {
                topic = args[i];
            } else {
                System.err.println(USAGE);
                System.exit(2);
            }
        }
        if (topic == null || !topic.endsWith(".dlt")) {
            System.err.println(USAGE + " (a dead-letter topic ends in .dlt)");
            System.exit(2);
            return;
        }
        var result = redrive(servers, topic, Duration.ofSeconds(5));
        System.out.println("Re-drove " + result.redriven() + " record(s) from " + topic + " to " + result.topics());
    }

    /**
     * Sends back every record the DLT holds now (up to its end offsets when the run starts, so that a record which
     * fails again and returns to the DLT waits for the next run instead of looping), from where the last run stopped.
     */
    public static Result redrive(String bootstrapServers, String deadLetterTopic, Duration pollTimeout) {
        var count = 0;
        var targets = new ArrayList<String>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "revos-redrive." + deadLetterTopic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
             var producer = new KafkaProducer<>(Map.<String, Object>of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                     ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                     new ByteArraySerializer(), new ByteArraySerializer())) {
            var partitions = consumer.partitionsFor(deadLetterTopic, pollTimeout).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            var end = consumer.endOffsets(partitions, pollTimeout);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition, pollTimeout)
                    < end.getOrDefault(partition, 0L))) {
                var records = consumer.poll(pollTimeout);
                var sends = new ArrayList<Future<RecordMetadata>>();
                for (var record : records) {
                    var partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.getOrDefault(partition, 0L)) {

                        continue;
                    }
                    var target = originalTopic(record, deadLetterTopic);
                    if (!targets.contains(target)) {
                        targets.add(target);
                    }
                    sends.add(producer.send(new ProducerRecord<>(target, null, record.key(), record.value(),
                            headers(record, deadLetterTopic))));
                    count++;
                }
                producer.flush();
                awaitAll(sends, deadLetterTopic);
                // only what is on the broker is committed: a failed run is repeated, and the consumers dedupe
                consumer.commitSync(positions(consumer, partitions, end));
            }
        }
        return new Result(count, List.copyOf(targets));
    }

    private static Map<TopicPartition, OffsetAndMetadata> positions(KafkaConsumer<byte[], byte[]> consumer,
                                                                    List<TopicPartition> partitions,
                                                                    Map<TopicPartition, Long> end) {
        var offsets = new java.util.HashMap<TopicPartition, OffsetAndMetadata>();
        for (var partition : partitions) {
            offsets.put(partition, new OffsetAndMetadata(Math.min(consumer.position(partition),
                    end.getOrDefault(partition, 0L))));

        }
        return offsets;
    }

    private static void awaitAll(List<Future<RecordMetadata>> sends, String deadLetterTopic) {
        for (var send : sends) {
            try {
                send.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while re-driving " + deadLetterTopic, e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Re-driving " + deadLetterTopic + " failed", e.getCause());
            }
        }
    }

    /** The topic the record was dead-lettered from, by its header, else by the DLT name {@code <topic>.<group>.dlt}. */
    static String originalTopic(ConsumerRecord<byte[], byte[]> record, String deadLetterTopic) {
        var header = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC);
        if (header != null && header.value() != null && header.value().length > 0) {
            return new String(header.value(), StandardCharsets.UTF_8);
        }
        var withoutSuffix = deadLetterTopic.substring(0, deadLetterTopic.length() - ".dlt".length());
        return withoutSuffix.substring(0, withoutSuffix.lastIndexOf('.'));
    }

    private static RecordHeaders headers(ConsumerRecord<byte[], byte[]> record, String deadLetterTopic) {
        var kept = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("kafka_dlt-") && !header.key().startsWith("revos_dlt_")) {
                kept.add(header);
            }
        }
        kept.add(new RecordHeader(REDRIVEN_FROM, deadLetterTopic.getBytes(StandardCharsets.UTF_8)));
        return kept;
    }
}
