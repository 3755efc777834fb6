package com.revos.voice.webhook.intake.application;

import com.revos.voice.events.ProviderReport.RecordingReported;
import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.QuarantineEvent.WebhookQuarantined;
import com.revos.voice.webhook.intake.model.Normalized;
import com.revos.voice.webhook.intake.model.PostCallSignature;
import com.revos.voice.webhook.intake.model.SignatureCheck;
import com.revos.voice.webhook.intake.model.TwilioStatusNormalizer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * The intake use case: verify, normalize, publish a provider report, and only then acknowledge. Nothing is kept
 * here; a webhook is acknowledged once its report (or its quarantine record) is on the bus, and the event id is
 * derived from the webhook, so a redelivery is harmless. The intake never speaks for a call: the dialer, which owns
 * the attempts, turns reports into call events (design.md section 3).
 */
public final class WebhookIntake {

    private final PostCallSignature postCallSignature;
    private final PostCallReader postCalls;
    private final TwilioStatusNormalizer twilioStatuses = new TwilioStatusNormalizer();
    private final EventBus bus;
    private final AudioStore audio;
    private final Clock clock;
    private final Settings settings;

    /**
     * @param source the CloudEvents source of what is published
     * @param maxEventBytes the largest body accepted for anything but a recording
     * @param maxQuarantinedBytes how much of a body the quarantine keeps (a Kafka record has a size limit)
     */
    public record Settings(String source, long maxEventBytes, int maxQuarantinedBytes) {
    }

    public WebhookIntake(PostCallSignature postCallSignature, PostCallReader postCalls, EventBus bus,
                         AudioStore audio, Clock clock, Settings settings) {
        this.postCallSignature = postCallSignature;
        this.postCalls = postCalls;
        this.bus = bus;
        this.audio = audio;
        this.clock = clock;
        this.settings = settings;
    }

    /** An ElevenLabs post-call webhook, raw; the signature is checked before anything reads the body. */
    public Receipt postCall(byte[] body, String signatureHeader) {
        var now = clock.instant();
        var check = postCallSignature.verify(signatureHeader, body, now);
        if (check != SignatureCheck.VALID) {
            return new Receipt.Rejected("unknown", check);
        }
        var normalized = postCalls.normalize(body, now);
        if (body.length > settings.maxEventBytes() && !(normalized instanceof Normalized.AudioReceived)) {
            return new Receipt.TooLarge(normalized.kind());
        }
        return handle(PostCallReader.PROVIDER, normalized, body);
    }

    /** A Twilio status callback whose signature the caller has verified (the check needs the Twilio SDK). */
    public Receipt twilioStatus(Map<String, String> form, Map<String, String> query, byte[] body) {
        return handle(TwilioStatusNormalizer.PROVIDER, twilioStatuses.normalize(form, query, clock.instant()), body);
    }

    private Receipt handle(String provider, Normalized normalized, byte[] body) {
        return switch (normalized) {
            case Normalized.Reported reported -> {
                EventEnvelope envelope;
                try {
                    envelope = EventEnvelope.wrap(reported.report(), settings.source(), reported.eventId(),
                            reported.time());
                } catch (RuntimeException e) {
                    yield quarantine(provider, new Normalized.Unreadable(reported.kind(),
                            reported.report().providerCallId(), "cannot serialize: " + e.getClass().getSimpleName()),
                            body);
                }
                bus.publish(envelope);
                yield new Receipt.Published(reported.kind(), reported.eventId());
            }
            case Normalized.AudioReceived recording -> {
                // stored first: the event may then name where, and a redelivery after a failed publish stores again
                var storageKey = audio.store(recording.conversationId(), recording.agentId(), recording.mp3());
                var event = new RecordingReported(provider, recording.conversationId(), recording.agentId(),
                        recording.mp3().length, sha256(recording.mp3()), storageKey.orElse(null), recording.time());
                bus.publish(EventEnvelope.wrap(event, settings.source(), recording.eventId(), recording.time()));
                yield new Receipt.AudioReceived(recording.kind(), recording.eventId(), recording.mp3().length);
            }
            case Normalized.Ignored ignored -> new Receipt.Ignored(ignored.kind());
            case Normalized.Unreadable unreadable -> quarantine(provider, unreadable, body);
        };
    }

    private Receipt quarantine(String provider, Normalized.Unreadable unreadable, byte[] body) {
        var bodyHash = sha256(body);
        var quarantineId = UUID.nameUUIDFromBytes(("quarantine:" + provider + ':' + bodyHash)
                .getBytes(StandardCharsets.UTF_8));
        var offered = unreadable.providerEventId();
        // the id becomes the record key: garbage in a signed payload must not make a huge or empty one
        var providerEventId = offered == null || offered.isBlank() || offered.length() > 200 ? bodyHash : offered;
        var reason = unreadable.reason();
        var kept = body;
        if (body.length > settings.maxQuarantinedBytes()) {
            kept = java.util.Arrays.copyOf(body, settings.maxQuarantinedBytes());
            reason = reason + " (body truncated from " + body.length + " bytes, sha256 " + bodyHash + ")";
        }
        var event = new WebhookQuarantined(quarantineId, provider, providerEventId, reason,
                new String(kept, StandardCharsets.UTF_8), clock.instant());
        bus.publish(EventEnvelope.wrap(event, settings.source(), quarantineId, event.receivedAt()));
        return new Receipt.Quarantined(unreadable.kind(), quarantineId, reason);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
