package com.revos.voice.optimizer.campaign.infrastructure;

import com.revos.voice.events.kafka.KafkaEnvelopes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.revos.voice.events.CallEvent.CallCompleted;
import com.revos.voice.events.CallOutcome;
import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.MalformedEventException;
import com.revos.voice.events.Topics;
import com.revos.voice.optimizer.Calls;
import com.revos.voice.optimizer.campaign.application.CampaignMonitor;
import com.revos.voice.optimizer.campaign.application.DecisionLog;
import com.revos.voice.optimizer.policy.application.PolicySource;
import com.revos.voice.optimizer.campaign.model.Attempt;
import com.revos.voice.optimizer.campaign.model.CallingHoursCeiling;
import com.revos.voice.optimizer.campaign.model.HourlyConnects;
import com.revos.voice.optimizer.campaign.model.CampaignState;
import com.revos.voice.optimizer.campaign.model.Decision;
import com.revos.voice.optimizer.campaign.model.RuleBook;
import com.revos.voice.optimizer.it.OptimizerIntegrationTest;
import com.revos.voice.optimizer.policy.model.OptimizerPolicy;
import com.revos.voice.testsupport.RealInfrastructure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * kernel-optimizer benchmark (issues 6 and 17), on the real broker and PostgreSQL of the test JVM. Not part of the
 * test suite; run with {@code deploy/bench/optimizer.sh} (or
 * {@code ./mvnw -pl kernel-optimizer -am test -Dtest=OptimizerBenchmark -Dsurefire.failIfNoSpecifiedTests=false}).
 * <ol>
 * <li>throughput: N call outcomes pre-loaded on the calls topic, then an optimizer Streams instance (exactly-once,
 * RocksDB stores, changelogs) drains them. The feed makes the rules fire: one campaign in twenty has a failure burst
 * (stop-loss pauses it), one in twenty never connects (retime), one in twenty connects without qualifying (script
 * change), the rest are healthy; every decision is recorded in PostgreSQL with its command in the outbox as in
 * production. Baseline: a plain consumer to producer passthrough over the same records; references: the rules
 * alone, and the topology in the TopologyTestDriver;</li>
 * <li>latency: per campaign, 12 failed outcomes (under the sequential test's bound), then the outcome that crosses
 * it; from its send to the pause command being readable on the commands topic (through the outbox relay), split at
 * the moment the decision was recorded; baseline: send to readable through the passthrough.</li>
 * </ol>
 * The targets (design.md section 7) are asserted last: at least {@value #TARGET_EVENTS_PER_SECOND} events/s through
 * the rules with rules firing, and a p99 under {@value #TARGET_P99_MILLIS} ms; a miss fails the run (non-zero exit).
 * Figures, the machine and its load average go to the log and {@code target/benchmarks/kernel-optimizer.txt}.
 */
@OptimizerIntegrationTest
@TestPropertySource(properties = {"revos.optimizer.streams.enabled=false",
        "logging.level.com.revos.voice.optimizer.campaign.infrastructure.OptimizerBenchmark=INFO"})
class OptimizerBenchmark {

    private static final Logger log = LoggerFactory.getLogger(OptimizerBenchmark.class);
    private static final int EVENTS = Integer.getInteger("bench.events", 600_000);
    private static final int CAMPAIGNS = Integer.getInteger("bench.campaigns", 1_000);
    private static final int LATENCY_CAMPAIGNS = Integer.getInteger("bench.latencyCampaigns", 40);
    private static final int THREADS = Integer.getInteger("bench.threads", 2);
    private static final int COMMIT_MS = Integer.getInteger("bench.commitMs", 1_000);
    private static final Instant T0 = Instant.parse("2026-11-23T18:00:00Z");
    static final int TARGET_EVENTS_PER_SECOND = 50_000;
    static final int TARGET_P99_MILLIS = 500;

    @Autowired
    JdbcDecisionLog decisionLog;

    @Autowired
    PolicySource policies;

    @Autowired
    JdbcTemplate jdbc;

    /** When each campaign's decision was recorded (the optimizer's part of the latency). */
    private final Map<UUID, Long> decidedAt = new ConcurrentHashMap<>();

    private CampaignMonitor monitor;
    private double throughput;
    private double p99Millis = Double.NaN;

    private final List<String> report = new ArrayList<>();

    @Test
    void call_events_per_second_and_stop_loss_to_pause_latency() throws Exception {
        monitor = new CampaignMonitor(policies, new DecisionLog() {
            @Override
            public boolean record(Decision decision, UUID triggerEventId, double[] hourlyConnectRates) {
                var fresh = decisionLog.record(decision, triggerEventId, hourlyConnectRates);
                decidedAt.putIfAbsent(decision.campaignId(), System.nanoTime());
                return fresh;
            }

            @Override
            public boolean confirm(Confirmation confirmation) {
                return decisionLog.confirm(confirmation);
            }
        });
        note("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel() + ", JDK "
                + Runtime.version() + ", load average at start " + loadAverage());
        pureRules();
        topologyTestDriver();

        var tenant = UUID.randomUUID();
        var campaigns = new ArrayList<UUID>();
        for (int i = 0; i < CAMPAIGNS; i++) {
            campaigns.add(UUID.randomUUID());
        }
        var passthroughIn = "bench.passthrough.in." + UUID.randomUUID();
        var passthroughOut = "bench.passthrough.out." + UUID.randomUUID();
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()))) {
            admin.createTopics(List.of(new NewTopic(passthroughIn, 3, (short) 1),
                    new NewTopic(passthroughOut, 3, (short) 1))).all().get();
        }
        try (var producer = producer()) {
            var started = System.nanoTime();
            var base = endOffsets(Topics.CALLS.name());
            for (int i = 0; i < EVENTS; i++) {
                var campaign = campaigns.get(i % CAMPAIGNS);
                var envelope = EventEnvelope.wrap(mixed(tenant, campaign, i % CAMPAIGNS, i / CAMPAIGNS), "/revos/bench",
                        UUID.randomUUID(),
                        T0.plusMillis(i));
                var record = KafkaEnvelopes.record(envelope);
                producer.send(record);
                producer.send(new ProducerRecord<>(passthroughIn, null, record.key(), record.value(),
                        record.headers()));
            }
            producer.flush();
            note(String.format("pre-loaded %,d outcomes over %,d campaigns (one in twenty bursting, one in twenty "
                    + "never connecting, one in twenty never qualifying; the same to the passthrough topic) in %.1f s",
                    EVENTS, CAMPAIGNS, seconds(started)));

            note(passthroughThroughput(passthroughIn, passthroughOut));
            note(noOpStreamsThroughput(base));
            var applicationId = "kernel-optimizer-bench-" + UUID.randomUUID();
            var streams = optimizerStreams(applicationId);
            try {
                note(streamsThroughput(streams, applicationId, base));
                var fired = jdbc.queryForList("SELECT rule, count(*) AS n FROM kernel_decisions WHERE tenant_id = ? "
                        + "GROUP BY rule ORDER BY rule", tenant);
                note("decisions recorded during the throughput run (rule: count): " + fired.stream()
                        .map(row -> row.get("rule") + ": " + row.get("n")).toList());
                assertThat(fired).as("the throughput feed must make rules fire").isNotEmpty();
                latency(streams, producer, tenant, passthroughIn, passthroughOut);
            } finally {
                streams.stop();
            }
        }
        note("load average at the end " + loadAverage());
        note(String.format("targets: >= %,d events/s through the rules: %s (%,.0f); stop-loss -> pause p99 < %d ms: "
                        + "%s (%.1f ms)", TARGET_EVENTS_PER_SECOND, throughput >= TARGET_EVENTS_PER_SECOND ? "met"
                        : "MISSED", throughput, TARGET_P99_MILLIS, p99Millis < TARGET_P99_MILLIS ? "met" : "MISSED",
                p99Millis));
        Files.createDirectories(Path.of("target/benchmarks"));
        Files.write(Path.of("target/benchmarks/kernel-optimizer.txt"), report, StandardCharsets.UTF_8);
        assertThat(throughput).as("call events/s through the rules (target %,d)", TARGET_EVENTS_PER_SECOND)
                .isGreaterThanOrEqualTo(TARGET_EVENTS_PER_SECOND);
        assertThat(p99Millis).as("stop-loss crossing -> pause command p99 in ms (target < %d)", TARGET_P99_MILLIS)
                .isLessThan(TARGET_P99_MILLIS);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * Outcome {@code i} of campaign number {@code index}: a failure burst from the 100th call (stop-loss), never
     * connecting (retime), connecting without qualifying (script change), or healthy.
     */
    private static CallCompleted mixed(UUID tenant, UUID campaign, int index, int i) {
        return switch (index % 20) {
            case 0 -> Calls.outcome(tenant, campaign, i < 100 ? CallOutcome.CONNECTED : CallOutcome.FAILED,
                    i % 3 == 0, 9 + i % 12);
            case 1 -> Calls.outcome(tenant, campaign, i % 2 == 0 ? CallOutcome.NO_ANSWER : CallOutcome.BUSY, false,
                    9 + i % 12);
            case 2 -> Calls.outcome(tenant, campaign, CallOutcome.CONNECTED, false, 9 + i % 12);
            default -> healthy(tenant, campaign, i);
        };
    }

    private void note(String line) {
        log.info(line);
        report.add(line);
    }

    /** Reference: the rules alone, state kept as objects, no Kafka, no serialization. */
    private void pureRules() {
        var tenant = UUID.randomUUID();
        var states = new HashMap<UUID, CampaignState>();
        var campaigns = new UUID[CAMPAIGNS];
        for (int i = 0; i < CAMPAIGNS; i++) {
            campaigns[i] = UUID.randomUUID();
        }
        var calls = new CallCompleted[10_000];
        for (int i = 0; i < calls.length; i++) {
            calls[i] = healthy(tenant, campaigns[i % CAMPAIGNS], i / CAMPAIGNS);
        }
        var events = 2_000_000;
        var decisions = 0;
        var started = System.nanoTime();
        for (int i = 0; i < events; i++) {
            var call = calls[i % calls.length];
            var campaign = campaigns[i % CAMPAIGNS];
            var state = states.computeIfAbsent(campaign, CampaignState::fresh);
            var attempt = Attempt.of(call, T0.plusMillis(i));
            state.record(attempt, tenant, OptimizerPolicy.DEFAULT);
            decisions += RuleBook.evaluate(state, attempt, OptimizerPolicy.DEFAULT, HourlyConnects::new,
                    CallingHoursCeiling.FEDERAL).size();
        }
        note(String.format("reference, rules alone (no Kafka, no serialization): %,.0f events/s "
                + "(%,d events, %d decisions)", events / seconds(started), events, decisions));
    }

    /** Reference: the real topology and RocksDB stores in the test driver, without a broker or commits. */
    private void topologyTestDriver() {
        var quiet = new CampaignMonitor(tenant -> OptimizerPolicy.DEFAULT, new DiscardingDecisionLog());
        var config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-ttd");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        var tenant = UUID.randomUUID();
        var campaigns = new UUID[CAMPAIGNS];
        for (int i = 0; i < CAMPAIGNS; i++) {
            campaigns[i] = UUID.randomUUID();
        }
        var events = 200_000;
        var records = new ArrayList<TestRecord<String, byte[]>>(events);
        for (int i = 0; i < events; i++) {
            var envelope = EventEnvelope.wrap(healthy(tenant, campaigns[i % CAMPAIGNS], i / CAMPAIGNS),
                    "/revos/bench",
                    UUID.randomUUID(), T0.plusMillis(i));
            var record = KafkaEnvelopes.record(envelope);
            records.add(new TestRecord<>(record.key(), record.value(), record.headers(), T0.plusMillis(i)));
        }
        var topology = OptimizerTopology.build(quiet, Duration.ofHours(24), false);
        try (var driver = new TopologyTestDriver(topology, config)) {
            TestInputTopic<String, byte[]> calls = driver.createInputTopic(Topics.CALLS.name(),
                    new StringSerializer(), new ByteArraySerializer());
            var started = System.nanoTime();
            records.forEach(calls::pipeInput);
            note(String.format("reference, topology in TopologyTestDriver (parse, dedup, in-memory stores, "
                    + "rules; no broker): %,.0f events/s (%,d events)", events / seconds(started), events));
        }
    }

    /** Outcome {@code i} of a healthy campaign: no rule fires, so this measures counting and evaluating. */
    private static CallCompleted healthy(UUID tenant, UUID campaign, int i) {
        return switch (i % 10) {
            case 0 -> Calls.outcome(tenant, campaign, CallOutcome.FAILED, false, 9 + i % 12);
            case 1, 2, 3 -> Calls.outcome(tenant, campaign, CallOutcome.NO_ANSWER, false, 9 + i % 12);
            case 4, 5 -> Calls.outcome(tenant, campaign, CallOutcome.BUSY, false, 9 + i % 12);
            default -> Calls.outcome(tenant, campaign, CallOutcome.CONNECTED, i % 10 < 8, 9 + i % 12);
        };
    }

    private OptimizerStreams optimizerStreams(String applicationId) {
        var properties = new OptimizerProperties(true, applicationId, null, 1, Duration.ofMillis(COMMIT_MS),
                Duration.ofHours(24), THREADS, Duration.ofSeconds(5));
        var config = CampaignConfiguration.streamsConfig(properties, brokers());
        return new OptimizerStreams(() -> OptimizerTopology.build(monitor, properties.dedupRetention()), config,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), properties.closeTimeout());
    }

    private String streamsThroughput(OptimizerStreams streams, String group, Map<TopicPartition, Long> base)
            throws Exception {
        var target = endOffsets(Topics.CALLS.name());
        streams.start();
        long firstAt = 0;
        long firstCount = 0;
        long count = 0;
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()))) {
            var total = target.values().stream().mapToLong(Long::longValue).sum();
            var deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (count < total && System.nanoTime() < deadline) {
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                count = committed.entrySet().stream().filter(e -> e.getKey().topic().equals(Topics.CALLS.name()))
                        .mapToLong(e -> e.getValue() == null ? 0 : e.getValue().offset()).sum();
                if (firstAt == 0 && count > 0) {
                    firstAt = System.nanoTime();
                    firstCount = count;
                }
                LockSupport.parkNanos(20_000_000);
            }
            var drained = count - firstCount;
            var window = (System.nanoTime() - firstAt) / 1e9;
            var preloaded = total - base.values().stream().mapToLong(Long::longValue).sum();
            throughput = drained / window;
            return String.format("optimizer topology on the real broker (exactly_once_v2, %d thread(s), "
                    + "commit.interval.ms=%d): %,.0f events/s (%,d of %,d pre-loaded events between the first and "
                    + "the last commit, %.2f s)", THREADS, COMMIT_MS, drained / window, drained, preloaded, window);
        }
    }

    /**
     * Reference: Kafka Streams itself, with the optimizer's configuration (exactly-once, threads, commit interval) and
     * a processor that only reads the CloudEvent id, over the same pre-loaded outcomes: the ceiling any topology of
     * ours can reach on this machine.
     */
    private String noOpStreamsThroughput(Map<TopicPartition, Long> base) throws Exception {
        var applicationId = "kernel-optimizer-bench-noop-" + UUID.randomUUID();
        var properties = new OptimizerProperties(true, applicationId, null, 1, Duration.ofMillis(COMMIT_MS),
                Duration.ofHours(24), THREADS, Duration.ofSeconds(5));
        var config = CampaignConfiguration.streamsConfig(properties, brokers());
        var read = new AtomicLong();
        var noOp = new OptimizerStreams(() -> {
            var topology = new org.apache.kafka.streams.Topology();
            topology.addSource("calls", new StringDeserializer(), new ByteArrayDeserializer(), Topics.CALLS.name());
            topology.addProcessor("read-id", () -> (org.apache.kafka.streams.processor.api.Processor<String, byte[],
                    Void, Void>) record -> {
                if (record.headers().lastHeader("ce_id") != null) {
                    read.incrementAndGet();
                }
            }, "calls");
            return topology;
        }, config, new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), properties.closeTimeout());
        try {
            var measured = streamsThroughput(noOp, applicationId, base);
            var rate = throughput;
            return String.format("reference, no-op Kafka Streams topology (the optimizer's configuration, reads "
                    + "the ce_id header of %,d records): %,.0f events/s — the framework's ceiling here; %s",
                    read.get(), rate, measured.substring(measured.indexOf('(')));
        } finally {
            noOp.stop();
        }
    }

    private String passthroughThroughput(String in, String out) {
        var total = EVENTS;
        var copied = new AtomicLong();
        var started = System.nanoTime();
        long firstAt = 0;
        try (var consumer = consumer("bench-passthrough-" + UUID.randomUUID(), "earliest");
             var producer = producer()) {
            consumer.subscribe(List.of(in));
            while (copied.get() < total) {
                var records = consumer.poll(Duration.ofMillis(100));
                if (firstAt == 0 && !records.isEmpty()) {
                    firstAt = System.nanoTime();
                }
                for (var record : records) {
                    producer.send(new ProducerRecord<>(out, null, record.key(), record.value(), record.headers()));
                    copied.incrementAndGet();
                }
                consumer.commitAsync();
                if (seconds(started) > 600) {
                    break;
                }
            }
            producer.flush();
        }
        return String.format("baseline, plain consumer -> producer passthrough (acks=all, no state): "
                + "%,.0f events/s (%,d events)", copied.get() / seconds(firstAt), copied.get());
    }

    private void latency(OptimizerStreams streams, KafkaProducer<String, byte[]> producer, UUID tenant,
                         String passthroughIn, String passthroughOut) throws Exception {
        var pauses = new ConcurrentHashMap<UUID, Long>();
        var copies = new ConcurrentHashMap<UUID, Long>();
        var running = new AtomicBoolean(true);
        var watcher = Thread.ofPlatform().start(() -> {
            try (var consumer = consumer("bench-watch-" + UUID.randomUUID(), "latest")) {
                consumer.subscribe(List.of(Topics.KERNEL_COMMANDS.name(), passthroughOut));
                while (running.get()) {
                    for (var record : consumer.poll(Duration.ofMillis(20))) {
                        var now = System.nanoTime();
                        try {
                            var envelope = KafkaEnvelopes.read(record);
                            if (record.topic().equals(passthroughOut)) {
                                copies.putIfAbsent(envelope.id(), now);
                            } else if (envelope.campaignId() != null) {
                                pauses.putIfAbsent(envelope.campaignId(), now);
                            }
                        } catch (MalformedEventException ignored) {
                            // not ours
                        }
                    }
                }
            }
        });
        var passthroughRunning = new AtomicBoolean(true);
        var passthrough = Thread.ofPlatform().start(() -> {
            try (var consumer = consumer("bench-passthrough-live-" + UUID.randomUUID(), "latest");
                 var copier = producer()) {
                consumer.subscribe(List.of(passthroughIn));
                while (passthroughRunning.get()) {
                    for (var record : consumer.poll(Duration.ofMillis(20))) {
                        copier.send(new ProducerRecord<>(passthroughOut, null, record.key(), record.value(),
                                record.headers()));
                    }
                    copier.flush();
                }
            }
        });
        try {
            // both consumers and the optimizer must be positioned before anything is measured
            await().atMost(Duration.ofMinutes(2)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
            var warmup = UUID.randomUUID();
            producer.send(KafkaEnvelopes.record(EventEnvelope.wrap(healthy(tenant, warmup, 6), "/revos/bench"), passthroughIn));
            producer.flush();
            await().atMost(Duration.ofMinutes(1)).until(() -> !copies.isEmpty());

            var optimizer = new long[LATENCY_CAMPAIGNS];
            var deciding = new long[LATENCY_CAMPAIGNS];
            var relaying = new long[LATENCY_CAMPAIGNS];
            var baseline = new long[LATENCY_CAMPAIGNS];
            for (int c = 0; c < LATENCY_CAMPAIGNS; c++) {
                var campaign = UUID.randomUUID();
                for (int i = 0; i < 12; i++) {
                    // twelve failed calls are under the sequential test's bound; the thirteenth crosses it
                    producer.send(KafkaEnvelopes.record(EventEnvelope.wrap(Calls.outcome(tenant, campaign, CallOutcome.FAILED, false, 12),
                            "/revos/bench")));
                }
                producer.flush();
                await().atMost(Duration.ofMinutes(1)).until(() -> streams.campaign(campaign)
                        .map(state -> state.attemptsTotal() == 12).orElse(false));
                var crossing = EventEnvelope.wrap(Calls.outcome(tenant, campaign, CallOutcome.FAILED),
                        "/revos/bench");
                var sentAt = System.nanoTime();
                producer.send(KafkaEnvelopes.record(crossing));
                producer.flush();
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(5))
                        .until(() -> pauses.containsKey(campaign));
                optimizer[c] = pauses.get(campaign) - sentAt;
                deciding[c] = decidedAt.get(campaign) - sentAt;
                relaying[c] = pauses.get(campaign) - decidedAt.get(campaign);

                var copy = EventEnvelope.wrap(Calls.outcome(tenant, campaign, CallOutcome.FAILED), "/revos/bench");
                var copySentAt = System.nanoTime();
                producer.send(KafkaEnvelopes.record(copy, passthroughIn));
                producer.flush();
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(5))
                        .until(() -> copies.containsKey(copy.id()));
                baseline[c] = copies.get(copy.id()) - copySentAt;
            }
            note(line("latency, stop-loss crossing outcome sent -> pause command readable (via outbox relay)",
                    optimizer));
            note(line("  of which: outcome sent -> decision and outbox row committed (Streams poll, rules, "
                    + "PostgreSQL)", deciding));
            note(line("  of which: outbox row committed -> command readable (Debezium relay, producer, consumer)",
                    relaying));
            var sorted = optimizer.clone();
            Arrays.sort(sorted);
            p99Millis = percentile(sorted, 0.99) / 1e6;
            note(line("latency baseline, outcome sent -> passthrough copy readable", baseline));
        } finally {
            running.set(false);
            passthroughRunning.set(false);
            watcher.join();
            passthrough.join();
        }
    }

    private static String line(String name, long[] nanos) {
        var sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("%s: n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms", name, sorted.length,
                percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static long percentile(long[] sorted, double p) {
        var index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String brokers() {
        return RealInfrastructure.kafkaBootstrapServers();
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> consumer(String group, String reset) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(),
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, reset,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()))) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            var request = new HashMap<TopicPartition, OffsetSpec>();
            partitions.forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            var result = new HashMap<TopicPartition, Long>();
            admin.listOffsets(request).all().get().forEach((tp, info) -> result.put(tp, info.offset()));
            return result;
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
