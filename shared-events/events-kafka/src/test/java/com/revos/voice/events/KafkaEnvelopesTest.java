package com.revos.voice.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.revos.voice.events.kafka.KafkaEnvelopes;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Kafka binding: every event type as a CloudEvents binary-mode record and back (in the fixtures' package). */
class KafkaEnvelopesTest {

    static Stream<VoiceEvent> everyEventType() {
        return EventFixtures.oneOfEachType().stream();
    }

    @ParameterizedTest
    @MethodSource("everyEventType")
    void an_event_round_trips_through_the_kafka_serde_with_its_cloudevents_headers(VoiceEvent event) {
        var sent = EventEnvelope.wrap(event, "/revos/test");
        var record = KafkaEnvelopes.record(sent);

        var headers = new RecordHeaders(record.headers().toArray());
        assertThat(headers.lastHeader("ce_id").value()).asString().isEqualTo(sent.id().toString());
        assertThat(headers.lastHeader("ce_type").value()).asString().isEqualTo(sent.type());
        assertThat(headers.lastHeader("ce_specversion").value()).asString().isEqualTo("1.0");
        if (event.tenantId() != null) {
            assertThat(headers.lastHeader("ce_tenantid").value()).asString().isEqualTo(event.tenantId().toString());
        }
        assertThat(record.topic()).isEqualTo(EventCatalog.of(event).topic().name());
        assertThat(record.key()).isEqualTo(event.partitionKey());

        var consumed = new ConsumerRecord<>(record.topic(), 0, 0L, record.key(), record.value());
        headers.forEach(header -> consumed.headers().add(header));
        var received = KafkaEnvelopes.read(consumed);

        assertThat(received.id()).isEqualTo(sent.id());
        assertThat(received.event()).isEqualTo(event);
    }

    @Test
    void a_record_that_is_not_a_cloudevent_is_rejected_as_malformed() {
        var headers = new RecordHeaders();
        assertThatThrownBy(() -> KafkaEnvelopes.read("k", headers, "{}".getBytes()))
                .isInstanceOf(MalformedEventException.class);
    }
}
