package com.revos.voice.webhook.intake.infrastructure;

import com.revos.voice.service.ApiException;
import com.revos.voice.webhook.intake.application.AudioStoreUnavailableException;
import com.revos.voice.webhook.intake.application.EventBusUnavailableException;
import com.revos.voice.webhook.intake.application.Receipt;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;

/**
 * The HTTP answer to an intake receipt, the same for every provider: 200 once published (or quarantined, or
 * deliberately dropped), 401 for any signature failure, 503 with Retry-After when Kafka did not acknowledge, so the
 * provider retries instead of losing the webhook.
 */
final class Receipts {

    private static final Logger log = LoggerFactory.getLogger(Receipts.class);

    private Receipts() {
    }

    static ResponseEntity<Void> answer(String provider, Supplier<Receipt> intake, IntakeMetrics metrics,
                                       long maxEventBytes, Duration retryAfter) {
        Receipt receipt;
        try {
            receipt = intake.get();
        } catch (EventBusUnavailableException e) {
            metrics.request(provider, "unknown", "unavailable");
            throw ApiException.unavailable("The event bus is unavailable; retry later", retryAfter.toSeconds());
        } catch (AudioStoreUnavailableException e) {
            metrics.request(provider, "unknown", "unavailable");
            log.error("Recording not kept, the sender will retry: {}", e.getMessage(), e.getCause());
            throw ApiException.unavailable("The recording store is unavailable; retry later", retryAfter.toSeconds());
        }
        switch (receipt) {
            case Receipt.Published published -> metrics.request(provider, published.kind(), "published");
            case Receipt.Quarantined quarantined -> {
                metrics.request(provider, quarantined.kind(), "quarantined");
                metrics.quarantined(provider, quarantined.kind());
                log.warn("Quarantined a signed {} {} webhook as {}: {}", provider, quarantined.kind(),
                        quarantined.quarantineId(), quarantined.reason());
            }
            case Receipt.AudioReceived audio -> {
                metrics.request(provider, audio.kind(), "audio_received");
                metrics.audio(audio.bytes());
            }
            case Receipt.Ignored ignored -> metrics.request(provider, ignored.kind(), "ignored");
            case Receipt.Rejected rejected -> {
                metrics.request(provider, rejected.kind(), "unauthorized");
                metrics.signatureFailure(provider, rejected.check().reason());
                throw RawBodies.unauthorized();
            }
            case Receipt.TooLarge tooLarge -> {
                metrics.request(provider, tooLarge.kind(), "too_large");
                throw RawBodies.tooLarge(maxEventBytes);
            }
        }
        return ResponseEntity.ok().build();
    }
}
