package com.revos.voice.dialer.common.application;

import com.revos.voice.events.VoiceEvent;
import java.util.UUID;

/** Publishes the dialer's events; called inside the transaction of the state change each one announces. */
public interface Events {

    void publish(VoiceEvent event);

    /** With an id of the caller's: an event that must be one event for every consumer, whoever writes it. */
    void publish(VoiceEvent event, UUID eventId);
}
