package com.revos.voice.webhook.intake.model;

import com.revos.voice.events.ProviderReport.CallReported;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What one verified webhook turned into. {@code kind} is the webhook's type, for metrics and logs. */
public sealed interface Normalized {

    String kind();

    /** A report about a call, with an id derived from the webhook so that a redelivery gets the same one. */
    record Reported(String kind, UUID eventId, Instant time, CallReported report) implements Normalized {
    }

    /** The recording of a call: only the fact that it exists goes on Kafka, never the audio. */
    record AudioReceived(String kind, UUID eventId, Instant time, String conversationId, @Nullable String agentId,
                         byte[] mp3)

            implements Normalized {
    }

    /** A webhook that is fine but says nothing final (a Twilio {@code ringing} callback). */
    record Ignored(String kind, String why) implements Normalized {
    }

    /** Signed by the provider but not readable as what it claims to be: it goes to the quarantine, raw. */
    record Unreadable(String kind, @Nullable String providerEventId, String reason) implements Normalized {
    }
}
