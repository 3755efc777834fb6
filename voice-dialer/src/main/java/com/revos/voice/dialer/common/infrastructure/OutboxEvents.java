package com.revos.voice.dialer.common.infrastructure;

import com.revos.voice.dialer.common.application.Events;
import com.revos.voice.events.VoiceEvent;
import com.revos.voice.plumbing.outbox.OutboxWriter;
import java.util.UUID;

/** Events go to the outbox in the caller's transaction; the Debezium relay takes them to Kafka. */
final class OutboxEvents implements Events {

    private final OutboxWriter outbox;

    OutboxEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(VoiceEvent event) {
        outbox.record(event);
    }

    @Override
    public void publish(VoiceEvent event, UUID eventId) {
        outbox.record(event, eventId);
    }
}
