package com.revos.voice.provisioning.common.infrastructure;

import com.revos.voice.events.ProvisioningEvent;
import com.revos.voice.plumbing.outbox.OutboxWriter;
import com.revos.voice.provisioning.common.application.Events;

/** Events go to the outbox in the caller's transaction; the Debezium relay takes them to Kafka. */
final class OutboxEvents implements Events {

    private final OutboxWriter outbox;

    OutboxEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(ProvisioningEvent event) {
        outbox.record(event);
    }
}
