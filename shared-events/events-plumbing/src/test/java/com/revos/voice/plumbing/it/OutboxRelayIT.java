package com.revos.voice.plumbing.it;

import com.revos.voice.events.kafka.KafkaEnvelopes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.ProvisioningEvent.AgentDeployed;
import com.revos.voice.events.Topics;
import com.revos.voice.plumbing.it.PlumbingTestApplication.AgentDeployments;
import com.revos.voice.plumbing.outbox.OutboxRelay;
import com.revos.voice.plumbing.outbox.ReplicationSlots;
import com.revos.voice.testsupport.KafkaProbe;
import com.revos.voice.testsupport.RealInfrastructure;
import com.revos.voice.testsupport.RealInfrastructureInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/** The plumbing alone, no web server: a service's outbox, its relay and its idempotent consumer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class OutboxRelayIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    AgentDeployments deployments;
    @Autowired
    OutboxRelay relay;
    @Autowired
    ReplicationSlots slots;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;
    @Value("${revos.outbox.slot-name}")
    String slotName;

    @Test
    void a_committed_state_change_arrives_on_its_topic_with_key_and_cloudevents_headers_and_is_applied_once() {
        var tenant = UUID.randomUUID();
        try (var probe = KafkaProbe.on(Topics.PROVISIONING)) {
            var eventId = deployments.deploy(tenant, "Acme SDR", false);

            var record = await().atMost(PATIENCE).until(() -> probe.poll().stream()
                    .filter(r -> header(r, "ce_id").equals(eventId.toString())).findFirst(), r -> r.isPresent()).get();
            var deployed = (AgentDeployed) KafkaEnvelopes.read(record).event();

            assertThat(record.topic()).isEqualTo("revos.voice.provisioning.v1");
            assertThat(record.key()).isEqualTo(deployed.agentId().toString());
            assertThat(header(record, "ce_type")).isEqualTo("revos.voice.agent.deployed.v1");
            assertThat(header(record, "ce_source")).isEqualTo("/revos/plumbing-it");
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_subject")).isEqualTo(deployed.agentId().toString());
            assertThat(header(record, "ce_tenantid")).isEqualTo(tenant.toString());
            assertThat(deployed.tenantId()).isEqualTo(tenant);
            await().atMost(PATIENCE).until(() -> appliedCount(eventId) == 1);
            assertThat(jdbc.queryForMap("SELECT aggregate_type, event_record FROM outbox WHERE id = ?", eventId))
                    .containsEntry("aggregate_type", "ProvisioningEvent").containsEntry("event_record", "AgentDeployed");
        }
    }

    @Test
    void a_rolled_back_transaction_publishes_nothing() {
        var tenant = UUID.randomUUID();
        try (var probe = KafkaProbe.on(Topics.PROVISIONING)) {
            assertThatThrownBy(() -> deployments.deploy(tenant, "never", true)).isInstanceOf(IllegalStateException.class);
            // a later commit of the same tenant proves the relay got past the point where the rolled-back one was
            var marker = deployments.deploy(tenant, "marker", false);
            await().atMost(PATIENCE).until(() -> !probe.envelopes(e -> e.id().equals(marker)).isEmpty());

            assertThat(probe.envelopes(e -> tenant.equals(e.tenantId()))).extracting(EventEnvelope::id)
                    .containsExactly(marker);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM agents WHERE tenant_id = ?", Integer.class, tenant))
                    .isEqualTo(1);
        }
    }

    @Test
    void restarting_the_relay_mid_stream_loses_nothing_and_redelivered_events_are_applied_once() {
        var tenant = UUID.randomUUID();
        try (var probe = KafkaProbe.on(Topics.PROVISIONING)) {
            var before = IntStream.range(0, 20).mapToObj(i -> deployments.deploy(tenant, "before-" + i, false)).toList();
            relay.stop();
            assertThat(slots.exists(slotName)).as("the slot outlives a stopped relay").isTrue();
            var whileStopped = IntStream.range(0, 30)
                    .mapToObj(i -> deployments.deploy(tenant, "stopped-" + i, false)).toList();
            relay.start();
            var after = IntStream.range(0, 20).mapToObj(i -> deployments.deploy(tenant, "after-" + i, false)).toList();

            var expected = new HashSet<UUID>();
            expected.addAll(before);
            expected.addAll(whileStopped);
            expected.addAll(after);
            await().atMost(PATIENCE).until(() -> new HashSet<>(probe.envelopes(e -> tenant.equals(e.tenantId()))
                    .stream().map(EventEnvelope::id).toList()).containsAll(expected));

            // redeliver every event once more, as a replay after a crash would
            var published = probe.poll().stream().filter(r -> tenant.toString().equals(header(r, "ce_tenantid")))
                    .toList();
            try (var producer = producer()) {
                published.forEach(r -> producer.send(
                        new ProducerRecord<>(r.topic(), null, r.key(), r.value(), r.headers())));
            }
            await().atMost(PATIENCE).until(() -> expected.stream().allMatch(id -> appliedCount(id) == 1)
                    && consumedDuplicates() >= expected.size());
            assertThat(expected).allSatisfy(id -> assertThat(appliedCount(id)).isEqualTo(1));
        }
    }

    @Test
    void a_poison_record_lands_on_the_dead_letter_topic_and_the_consumer_keeps_going() {
        var dlt = Topics.PROVISIONING.deadLetterTopic("plumbing-it");
        try (var dltProbe = KafkaProbe.onTopics(dlt); var producer = producer()) {
            var poisonKey = "poison-" + UUID.randomUUID();
            producer.send(new ProducerRecord<>(Topics.PROVISIONING.name(), poisonKey,
                    "definitely not a cloud event".getBytes(StandardCharsets.UTF_8)));
            producer.flush();
            var next = deployments.deploy(UUID.randomUUID(), "after-poison", false);

            await().atMost(PATIENCE).until(() -> dltProbe.poll().stream().anyMatch(r -> poisonKey.equals(r.key())));
            await().atMost(PATIENCE).until(() -> appliedCount(next) == 1);
        }
    }

    private double consumedDuplicates() {
        return meters.find("revos.consumer.events").tag("result", "duplicate").counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    private int appliedCount(UUID eventId) {
        return jdbc.query("SELECT applied_count FROM applied_events WHERE event_id = ?",
                rs -> rs.next() ? rs.getInt(1) : 0, eventId);
    }

    private static String header(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record,
                                 String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer());
    }
}
