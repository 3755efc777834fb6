package com.revos.voice.webhook.intake.infrastructure;

import com.revos.voice.service.ApiException;
import com.revos.voice.webhook.intake.application.WebhookIntake;
import com.revos.voice.webhook.intake.application.PostCallReader;
import com.revos.voice.webhook.intake.model.PostCallSignature;
import com.revos.voice.webhook.intake.model.SignatureCheck;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /webhooks/elevenlabs/post-call}: answers 200 only once the outcome is on Kafka. */
@RestController
class ElevenLabsWebhookController {

    static final String SIGNATURE_HEADER = "ElevenLabs-Signature";
    private static final String PROVIDER = PostCallReader.PROVIDER;

    private final WebhookIntake intake;
    private final IntakeMetrics metrics;
    private final WebhookProperties properties;

    private final PostCallSignature screen;
    private final Semaphore recordingReads;

    ElevenLabsWebhookController(WebhookIntake intake, IntakeMetrics metrics, WebhookProperties properties) {
        this.intake = intake;
        this.metrics = metrics;
        this.properties = properties;
        var settings = properties.elevenlabs();
        this.screen = new PostCallSignature(settings.secrets(), settings.maxAge(), settings.maxFutureSkew());
        this.recordingReads = new Semaphore(settings.maxRecordingsInFlight());
    }

    @PostMapping("/webhooks/elevenlabs/post-call")
    ResponseEntity<Void> postCall(HttpServletRequest request,
                                  @RequestHeader(name = SIGNATURE_HEADER, required = false) String signature)
            throws IOException {
        RawBodies.PostCallBody body;
        try {
            RawBodies.requireContentType(request, MediaType.APPLICATION_JSON);
            // the header alone can be judged before a byte of the body is read: no work for an unsigned sender
            var check = screen.screen(signature, Instant.now());
            if (check != SignatureCheck.VALID) {
                metrics.request(PROVIDER, "unknown", "unauthorized");
                metrics.signatureFailure(PROVIDER, check.reason());
                throw RawBodies.unauthorized();
            }
            var settings = properties.elevenlabs();
            body = RawBodies.readPostCall(request, settings.maxBodySize().toBytes(),
                    settings.maxAudioBodySize().toBytes(), recordingReads, properties.retryAfter().toSeconds());
        } catch (ApiException e) {
            if (e.status() != HttpStatus.UNAUTHORIZED) {
                metrics.request(PROVIDER, "unknown", switch (e.status()) {
                    case CONTENT_TOO_LARGE -> "too_large";
                    case SERVICE_UNAVAILABLE -> "unavailable";
                    default -> "unsupported_media_type";
                });
            }
            throw e;
        }
        try (body) {
            return Receipts.answer(PROVIDER, () -> intake.postCall(body.bytes(), signature), metrics,
                    properties.elevenlabs().maxBodySize().toBytes(), properties.retryAfter());
        }
    }
}
