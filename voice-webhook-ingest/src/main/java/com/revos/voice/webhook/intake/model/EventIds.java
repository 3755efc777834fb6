package com.revos.voice.webhook.intake.model;

import com.revos.voice.events.EventCatalog;
import com.revos.voice.events.ProviderReport.CallReported;
import com.revos.voice.events.ProviderReport.RecordingReported;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Event ids derived from what the report is about (event type, provider, kind of report, provider call id): a
 * redelivered webhook yields the same id, which is the consumers' deduplication key, so the intake needs no state of
 * its own to dedupe. Two different reports about one call (an initiation failure and a Twilio status) keep two
 * ids: the dialer, which owns the call, decides which of them settles it.
 */
public final class EventIds {

    private EventIds() {
    }

    public static UUID callReported(String provider, String kind, String providerCallId) {
        return derived(EventCatalog.of(CallReported.class).name(), provider + ':' + kind, providerCallId);
    }

    public static UUID recordingReported(String provider, String providerCallId) {
        return derived(EventCatalog.of(RecordingReported.class).name(), provider, providerCallId);
    }

    private static UUID derived(String eventType, String provider, String providerCallId) {
        return UUID.nameUUIDFromBytes((eventType + ':' + provider + ':' + providerCallId)
                .getBytes(StandardCharsets.UTF_8));
    }
}
