package com.revos.voice.local;

import com.revos.voice.events.Topic;
import com.revos.voice.events.Topics;
import com.revos.voice.simulator.calls.application.WebhookSigner;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The whole-product webhook benchmark's helper (deploy/bench/whole-product-webhooks.sh), on the product's own
 * classpath: {@code generate <count> <file> <marker>} writes distinct post-call webhooks, each signed as ElevenLabs
 * signs them (provider-apis.md §5.3, the simulator's signer), one {@code <signature> TAB <body>} per line for wrk;
 * {@code count <marker>} counts the events on Kafka that carry those conversations, and how many of them repeat one;
 * {@code lag} prints each consumer group's lag, to see whether the downstream work keeps up.
 */
public final class WebhookLoadTool {

    private static final Pattern CONVERSATION = Pattern.compile("conv_[a-z0-9]+_[0-9]+");

    private WebhookLoadTool() {
    }

    public static void main(String[] args) throws Exception {
        var kafka = "localhost:" + LocalPorts.fromEnvironment().kafka();
        switch (args.length == 0 ? "" : args[0]) {
            case "generate" -> generate(Integer.parseInt(args[1]), Path.of(args[2]), args[3]);
            case "count" -> count(kafka, args[1]);
            case "lag" -> lag(kafka);
            default -> {
                System.err.println("Usage: generate <count> <file> <marker> | count <marker> | lag");
                System.exit(2);
            }
        }
    }

    private static void generate(int count, Path file, String marker) throws Exception {
        var secret = System.getenv().getOrDefault("ELEVENLABS_WEBHOOK_SECRET", "local-webhook-secret");
        var signer = new WebhookSigner(secret.split(",")[0].trim());
        var now = Instant.now().getEpochSecond();
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int n = 0; n < count; n++) {
                var body = body("conv_" + marker + "_" + n, now, n);
                out.write(signer.header(now, body));
                out.write('\t');
                out.write(body);
                out.write('\n');
            }
        }
    }

    /** A post-call transcription in the documented shape (provider-apis.md §5.2), about 2 KB, one line. */
    private static String body(String conversation, long now, int n) {
        var tenant = new UUID(0x7e0d000000004000L, 0x8000000000000001L + (n % 16));
        return ("{\"type\":\"post_call_transcription\",\"event_timestamp\":%d,\"data\":{\"agent_id\":\"agent_01jz8x3m5k\","
                + "\"conversation_id\":\"%s\",\"status\":\"done\",\"user_id\":null,\"transcript\":["
                + "{\"role\":\"agent\",\"message\":\"Hi, this is Ava from Acme Solar. Is now a good time?\",\"time_in_call_secs\":0},"
                + "{\"role\":\"user\",\"message\":\"Sure, go ahead.\",\"time_in_call_secs\":4},"
                + "{\"role\":\"agent\",\"message\":\"Do you own your home?\",\"time_in_call_secs\":9,\"interrupted\":false},"
                + "{\"role\":\"user\",\"message\":\"Yes, for ten years.\",\"time_in_call_secs\":12}],"
                + "\"metadata\":{\"start_time_unix_secs\":%d,\"accepted_time_unix_secs\":%d,\"call_duration_secs\":95,"
                + "\"cost\":712,\"cost_fiat\":0.1425,\"termination_reason\":\"Call ended by remote party\",\"error\":null,"
                + "\"warnings\":[],\"main_language\":\"en\",\"phone_call\":{\"type\":\"twilio\",\"direction\":\"outbound\","
                + "\"phone_number_id\":\"phnum_8f2c\",\"agent_number\":\"+14155550100\",\"external_number\":\"+12125550123\","
                + "\"stream_sid\":\"MZ18ad3ab5a668481ce02b83e7395059f0\",\"call_sid\":\"CA%032x\"}},"
                + "\"analysis\":{\"call_successful\":\"success\",\"call_success_score\":null,"
                + "\"transcript_summary\":\"The homeowner is interested in a solar quote.\","
                + "\"call_summary_title\":\"Interested homeowner\",\"evaluation_criteria_results\":{\"interest\":"
                + "{\"criteria_id\":\"interest\",\"result\":\"success\",\"rationale\":\"Asked for a quote.\"}},"
                + "\"data_collection_results\":{\"qualified\":{\"data_collection_id\":\"qualified\",\"value\":true,"
                + "\"rationale\":\"Owns the home and wants a quote.\",\"json_schema\":{\"type\":\"boolean\"}}}},"
                + "\"conversation_initiation_client_data\":{\"conversation_config_override\":{},\"dynamic_variables\":"
                + "{\"call_id\":\"%s\",\"campaign_id\":\"%s\",\"tenant_id\":\"%s\",\"contact_id\":\"%s\",\"attempt\":\"1\","
                + "\"contact_name\":\"Jordan\"}},\"has_audio\":false,\"has_user_audio\":false,\"has_response_audio\":false}}")
                .formatted(now, conversation, now - 120, now - 118, n, UUID.randomUUID(), UUID.randomUUID(), tenant,
                        UUID.randomUUID());
    }

    /** Every topic of the contracts, from the start: events naming a conversation of the run, and repeats. */
    private static void count(String kafka, String marker) {
        var needle = "conv_" + marker + "_";
        var perConversation = new HashMap<String, Integer>();
        long events = 0;
        try (var consumer = new KafkaConsumer<byte[], byte[]>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partitions = Topics.ALL.stream().map(Topic::name)
                    .flatMap(topic -> consumer.partitionsFor(topic).stream()
                            .map(info -> new TopicPartition(topic, info.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            var deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.getOrDefault(p, 0L))
                    && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofSeconds(1))) {
                    if (record.value() == null) {
                        continue;
                    }
                    var value = new String(record.value(), StandardCharsets.UTF_8);
                    if (!value.contains(needle)) {
                        continue;
                    }
                    var matcher = CONVERSATION.matcher(value);
                    while (matcher.find()) {
                        if (matcher.group().startsWith(needle)) {
                            events++;
                            perConversation.merge(matcher.group(), 1, Integer::sum);
                            break;
                        }
                    }
                }
            }
        }
        var repeated = perConversation.values().stream().filter(n -> n > 1).count();
        System.out.printf("events=%d distinct=%d repeated=%d%n", events, perConversation.size(), repeated);
    }

    private static void lag(String kafka) throws Exception {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            long total = 0;
            var line = new StringBuilder();
            for (var group : admin.listGroups().all().get()) {
                var committed = admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
                if (committed.isEmpty()) {
                    continue;
                }
                var request = new HashMap<TopicPartition, OffsetSpec>();
                committed.keySet().forEach(partition -> request.put(partition, OffsetSpec.latest()));
                var latest = admin.listOffsets(request).all().get();
                long lag = 0;
                for (var entry : committed.entrySet()) {
                    if (entry.getValue() != null) {
                        var end = latest.get(entry.getKey());
                        lag += end == null ? 0 : Math.max(0, end.offset() - entry.getValue().offset());
                    }
                }
                total += lag;
                line.append(' ').append(group.groupId()).append('=').append(lag);
            }
            System.out.println("lag total=" + total + line);
        }
    }
}
