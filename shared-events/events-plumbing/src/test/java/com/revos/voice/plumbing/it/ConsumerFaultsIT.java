package com.revos.voice.plumbing.it;

import static com.revos.voice.plumbing.it.RawRecords.bytes;
import static com.revos.voice.plumbing.it.RawRecords.header;
import static com.revos.voice.plumbing.it.RawRecords.producer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.revos.voice.events.Topics;
import com.revos.voice.plumbing.consumer.ConsumerFaults;
import com.revos.voice.plumbing.consumer.DeadLetterRedrive;
import com.revos.voice.plumbing.it.PlumbingTestApplication.AgentDeployments;
import com.revos.voice.testsupport.KafkaProbe;
import com.revos.voice.testsupport.RealInfrastructure;
import com.revos.voice.testsupport.RealInfrastructureInitializer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * Faults are not poison: a passing database failure is retried until it clears and never dead-lettered; a record
 * that can never succeed is dead-lettered with its reason; a DLT is re-driven into its topic once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class ConsumerFaultsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String DLT = Topics.PROVISIONING.deadLetterTopic("plumbing-it");

    @Autowired
    AgentDeployments deployments;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void an_event_whose_side_effect_hits_a_passing_database_failure_is_retried_until_applied_and_never_dead_lettered() {
        try (var dlt = KafkaProbe.onTopics(DLT)) {
            var retriesBefore = retries();
            // the consumer's table disappears for a while, as it would during a failover: every attempt fails
            jdbc.execute("ALTER TABLE applied_events RENAME TO applied_events_away");
            UUID eventId;
            try {
                eventId = deployments.deploy(UUID.randomUUID(), "during-the-outage", false);
                await().atMost(PATIENCE).until(() -> retries() - retriesBefore >= 3);
            } finally {
                jdbc.execute("ALTER TABLE applied_events_away RENAME TO applied_events");
            }

            var applied = eventId;
            await().atMost(PATIENCE).until(() -> appliedCount(applied) == 1);
            assertThat(dlt.poll().stream().filter(r -> header(r, "ce_id").equals(applied.toString()))).isEmpty();
        }
    }

    @Test
    void a_record_that_can_never_succeed_is_dead_lettered_at_once_with_the_reason_and_the_group() {
        try (var dlt = KafkaProbe.onTopics(DLT); var producer = producer()) {
            var key = "unknown-type-" + UUID.randomUUID();
            var headers = new RecordHeaders();
            headers.add("ce_specversion", bytes("1.0"));
            headers.add("ce_id", bytes(UUID.randomUUID().toString()));
            headers.add("ce_type", bytes("revos.voice.agent.renamed.v9"));
            headers.add("ce_source", bytes("/somewhere"));
            producer.send(new ProducerRecord<>(Topics.PROVISIONING.name(), null, key, bytes("{}"), headers));
            producer.flush();

            var dead = await().atMost(PATIENCE).until(() -> dlt.poll().stream().filter(r -> key.equals(r.key()))
                    .findFirst(), found -> found.isPresent()).get();
            assertThat(header(dead, ConsumerFaults.REASON_HEADER)).startsWith("MalformedEventException");
            assertThat(header(dead, ConsumerFaults.GROUP_HEADER)).isEqualTo("plumbing-it");
            assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.PROVISIONING.name());
        }
    }

    @Test
    void a_dead_letter_topic_is_re_driven_into_its_topic_once_and_applied() {
        try (var source = KafkaProbe.on(Topics.PROVISIONING); var producer = producer()) {
            // a real event as the relay published it, dead-lettered (as by a bug since fixed) under a new id
            var published = deployments.deploy(UUID.randomUUID(), "to-re-drive", false);
            var original = await().atMost(PATIENCE).until(() -> source.poll().stream()
                    .filter(r -> header(r, "ce_id").equals(published.toString())).findFirst(), r -> r.isPresent())
                    .get();
            var deadId = UUID.randomUUID();
            var headers = new RecordHeaders();
            original.headers().forEach(h -> headers.add(h.key().equals("ce_id") ? new org.apache.kafka.common.header
                    .internals.RecordHeader("ce_id", bytes(deadId.toString())) : h));
            headers.add("kafka_dlt-original-topic", bytes(Topics.PROVISIONING.name()));
            headers.add(ConsumerFaults.REASON_HEADER, bytes("IllegalStateException: a bug since fixed"));
            producer.send(new ProducerRecord<>(DLT, null, original.key(), original.value(), headers));
            producer.flush();

            var first = DeadLetterRedrive.redrive(RealInfrastructure.kafkaBootstrapServers(), DLT,
                    Duration.ofSeconds(2));
            await().atMost(PATIENCE).until(() -> appliedCount(deadId) == 1);
            // a second run starts where the first stopped: the event is not sent back again
            DeadLetterRedrive.redrive(RealInfrastructure.kafkaBootstrapServers(), DLT, Duration.ofSeconds(2));

            assertThat(first.redriven()).isGreaterThanOrEqualTo(1);
            assertThat(first.topics()).containsExactly(Topics.PROVISIONING.name());
            await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> redriven(source, deadId).size() == 1);
            var redriven = redriven(source, deadId);
            assertThat(header(redriven.getFirst(), DeadLetterRedrive.REDRIVEN_FROM)).isEqualTo(DLT);
            assertThat(redriven.getFirst().headers().lastHeader(ConsumerFaults.REASON_HEADER)).isNull();
            assertThat(redriven.getFirst().headers().lastHeader("kafka_dlt-original-topic")).isNull();
            assertThat(redriven.getFirst().key()).isEqualTo(original.key());
        }
    }

    private static java.util.List<ConsumerRecord<String, byte[]>> redriven(KafkaProbe source, UUID eventId) {
        return source.poll().stream().filter(r -> header(r, "ce_id").equals(eventId.toString())).toList();
    }

    private double retries() {
        return meters.find("revos.consumer.retries").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private int appliedCount(UUID eventId) {
        return jdbc.query("SELECT applied_count FROM applied_events WHERE event_id = ?",
                rs -> rs.next() ? rs.getInt(1) : 0, eventId);
    }
}
