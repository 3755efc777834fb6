package com.revos.voice.webhook.intake.infrastructure;

import com.revos.voice.events.kafka.KafkaEnvelopes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.EventSchemas;
import com.revos.voice.events.MalformedEventException;
import com.revos.voice.events.Topics;
import com.revos.voice.testsupport.KafkaProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the intake published, found by a marker in the event's data. The calls topic is read beside the provider
 * reports and the quarantine although the intake must never write to it: an event about the marker there is a
 * second event, so {@link #theOneEventAbout} fails on it.
 */
final class PublishedEvents implements AutoCloseable {

    private final KafkaProbe probe = KafkaProbe.on(Topics.PROVIDER_REPORTS, Topics.QUARANTINE, Topics.CALLS);

    /** The events about the marker on every topic read, with the topic each record really was on. */
    List<Published> everywhere(String marker) {
        var found = new ArrayList<Published>();
        for (var record : probe.poll()) {
            try {
                var envelope = KafkaEnvelopes.read(record);
                if (envelope.dataAsString().contains(marker)) {
                    found.add(new Published(record.topic(), envelope));
                }
            } catch (MalformedEventException notOurs) {
                // another test's poison record on a shared topic says nothing about the marker
            }
        }
        return found;
    }

    /** The events about the marker on the provider-reports and quarantine topics. */
    List<EventEnvelope> about(String marker) {
        return everywhere(marker).stream().filter(published -> !published.onCalls()).map(Published::envelope)
                .toList();
    }

    /** Waits for the one event about the marker, valid against its schema; fails if there are more. */
    EventEnvelope theOneEventAbout(String marker) {
        await().atMost(Duration.ofSeconds(15)).until(() -> !everywhere(marker).isEmpty());
        var found = everywhere(marker);
        assertThat(found).hasSize(1);
        var published = found.getFirst();
        assertThat(published.onCalls()).as("the intake puts nothing on " + Topics.CALLS.name()).isFalse();
        assertThat(published.topic()).as("published on the topic of its type")
                .isEqualTo(published.envelope().topic().name());
        assertThat(EventSchemas.violations(published.envelope())).isEmpty();
        return published.envelope();
    }

    @Override
    public void close() {
        probe.close();
    }

    record Published(String topic, EventEnvelope envelope) {

        boolean onCalls() {
            return topic.equals(Topics.CALLS.name());
        }
    }
}
