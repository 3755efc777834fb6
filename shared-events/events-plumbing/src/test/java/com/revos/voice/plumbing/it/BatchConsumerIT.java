package com.revos.voice.plumbing.it;

import static com.revos.voice.plumbing.it.RawRecords.bytes;
import static com.revos.voice.plumbing.it.RawRecords.header;
import static com.revos.voice.plumbing.it.RawRecords.producer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.ProvisioningEvent.AgentDeployed;
import com.revos.voice.events.Topics;
import com.revos.voice.events.kafka.KafkaEnvelopes;
import com.revos.voice.plumbing.consumer.ConsumerFaults;
import com.revos.voice.testsupport.KafkaProbe;
import com.revos.voice.testsupport.RealInfrastructureInitializer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.binding.BindingsLifecycleController.State;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * A batch consumer applies a poll's records in one transaction, still at most once each, and a record that is not
 * our CloudEvent in the middle of a batch is dead-lettered alone: what came before and after it is applied.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class BatchConsumerIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String GROUP = "plumbing-it-batches";

    @Autowired
    BindingsLifecycleController bindings;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_poison_record_between_events_of_one_partition_is_dead_lettered_and_each_event_around_it_applied_once() {
        var key = "one-partition-" + UUID.randomUUID();
        var before = deployed();
        var after = deployed();
        try (var dlt = KafkaProbe.onTopics(Topics.PROVISIONING.deadLetterTopic(GROUP)); var producer = producer()) {
            // laid out before the consumer starts, so that its first polls hold all of them: the event before the
            // poison, a redelivery of it, the poison, the event after it and its redelivery
            producer.send(onKey(key, before));
            producer.send(onKey(key, before));
            producer.send(new ProducerRecord<>(Topics.PROVISIONING.name(), key, bytes("{\"not\": \"a cloud event\"}")));
            producer.send(onKey(key, after));
            producer.send(onKey(key, after));
            producer.flush();

            bindings.changeState("agentEventsInBatches-in-0", State.STARTED);

            await().atMost(PATIENCE).until(() -> appliedCount(before.id()) == 1 && appliedCount(after.id()) == 1);
            var dead = await().atMost(PATIENCE).until(() -> dlt.poll().stream().filter(r -> key.equals(r.key()))
                    .toList(), found -> !found.isEmpty());
            assertThat(dead).hasSize(1);
            assertThat(header(dead.getFirst(), ConsumerFaults.REASON_HEADER)).startsWith("MalformedEventException");
            assertThat(header(dead.getFirst(), ConsumerFaults.GROUP_HEADER)).isEqualTo(GROUP);
            await().during(Duration.ofSeconds(2)).atMost(PATIENCE)
                    .until(() -> appliedCount(before.id()) == 1 && appliedCount(after.id()) == 1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM processed_events WHERE consumer_group = ? "
                    + "AND event_id IN (?, ?)", Integer.class, GROUP, before.id(), after.id())).isEqualTo(2);
        } finally {
            bindings.changeState("agentEventsInBatches-in-0", State.STOPPED);
        }
    }

    private static EventEnvelope deployed() {
        var agentId = UUID.randomUUID();
        return EventEnvelope.wrap(new AgentDeployed(agentId, UUID.randomUUID(), "sales-qualification", "batched",
                "agent_" + agentId, "en", "voice-1", Instant.now()), "/revos/plumbing-it");
    }

    private static ProducerRecord<String, byte[]> onKey(String key, EventEnvelope envelope) {
        var record = KafkaEnvelopes.record(envelope);
        return new ProducerRecord<>(record.topic(), null, key, record.value(), record.headers());
    }

    private int appliedCount(UUID eventId) {
        return jdbc.query("SELECT applied_count FROM applied_batch_events WHERE event_id = ?",
                rs -> rs.next() ? rs.getInt(1) : 0, eventId);
    }
}
