package com.revos.voice.webhook.intake.infrastructure;

import com.revos.voice.service.ApiException;
import com.revos.voice.webhook.intake.application.WebhookIntake;
import com.revos.voice.webhook.intake.model.PostCallNormalizer;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
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
    private static final String PROVIDER = PostCallNormalizer.PROVIDER;

    private final WebhookIntake intake;
    private final IntakeMetrics metrics;
    private final WebhookProperties properties;

    ElevenLabsWebhookController(WebhookIntake intake, IntakeMetrics metrics, WebhookProperties properties) {
        this.intake = intake;
        this.metrics = metrics;
        this.properties = properties;
    }

    @PostMapping("/webhooks/elevenlabs/post-call")
    ResponseEntity<Void> postCall(HttpServletRequest request,
                                  @RequestHeader(name = SIGNATURE_HEADER, required = false) String signature)
            throws IOException {
        byte[] body;
        try {
            RawBodies.requireContentType(request, MediaType.APPLICATION_JSON);
            var settings = properties.elevenlabs();
            // the one URL gets every event type: read up to the recording limit, the intake applies the JSON one
            body = RawBodies.read(request, Math.max(settings.maxBodySize().toBytes(),
                    settings.maxAudioBodySize().toBytes()));
        } catch (ApiException e) {
            metrics.request(PROVIDER, "unknown", e.status() == HttpStatus.CONTENT_TOO_LARGE
                    ? "too_large" : "unsupported_media_type");
            throw e;
        }
        return Receipts.answer(PROVIDER, () -> intake.postCall(body, signature), metrics,
                properties.elevenlabs().maxBodySize().toBytes(), properties.retryAfter());
    }
}
