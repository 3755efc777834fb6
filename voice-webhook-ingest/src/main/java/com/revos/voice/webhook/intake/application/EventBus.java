package com.revos.voice.webhook.intake.application;

import com.revos.voice.events.EventEnvelope;

/** Where normalized events go. Returns only once the event is durably on the bus. */
public interface EventBus {

    /** @throws EventBusUnavailableException when the bus did not acknowledge in time */
    void publish(EventEnvelope envelope);
}
