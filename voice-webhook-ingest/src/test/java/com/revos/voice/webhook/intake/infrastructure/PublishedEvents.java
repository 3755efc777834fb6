package com.revos.voice.webhook.intake.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.EventSchemas;
import com.revos.voice.events.Topics;
import com.revos.voice.testsupport.KafkaProbe;
import java.time.Duration;
import java.util.List;

/** What the intake published on the calls and quarantine topics, found by a marker in the event's data. */
final class PublishedEvents implements AutoCloseable {

    private final KafkaProbe probe = KafkaProbe.on(Topics.CALLS, Topics.QUARANTINE);

    List<EventEnvelope> about(String marker) {
        return probe.envelopes(envelope -> envelope.dataAsString().contains(marker));
    }

    /** Waits for the one event about the marker, valid against its schema; fails if there are more. */
    EventEnvelope theOneEventAbout(String marker) {
        await().atMost(Duration.ofSeconds(15)).until(() -> !about(marker).isEmpty());
        var envelopes = about(marker);
        assertThat(envelopes).hasSize(1);
        assertThat(EventSchemas.violations(envelopes.getFirst())).isEmpty();
        return envelopes.getFirst();
    }

    @Override
    public void close() {
        probe.close();
    }
}
