package com.revos.voice.webhook.intake.model;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Event ids derived from what the event is about (event type, provider, provider call id): a redelivered webhook
 * yields the same id, which is the consumers' deduplication key, so the intake needs no state of its own to dedupe.
 * The webhook's own type is left out on purpose: should ElevenLabs report one conversation both as an initiation
 * failure and as a transcription, consumers still count one outcome for the call.
 */
public final class EventIds {

    private EventIds() {
    }

    public static UUID callCompleted(String provider, String providerCallId) {
        return derived("revos.voice.call.completed.v1", provider, providerCallId);
    }

    public static UUID recordingReceived(String provider, String providerCallId) {
        return derived("revos.voice.call.recording_received.v1", provider, providerCallId);
    }

    private static UUID derived(String eventType, String provider, String providerCallId) {
        return UUID.nameUUIDFromBytes((eventType + ':' + provider + ':' + providerCallId)
                .getBytes(StandardCharsets.UTF_8));
    }
}
