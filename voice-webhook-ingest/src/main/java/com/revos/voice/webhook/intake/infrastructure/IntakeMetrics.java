package com.revos.voice.webhook.intake.infrastructure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/** The intake's meters, all under {@code revos.webhook.}; tag values come from closed sets, never from requests. */
final class IntakeMetrics {

    private final MeterRegistry registry;
    private final DistributionSummary audioBytes;

    IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.audioBytes = DistributionSummary.builder("revos.webhook.audio.bytes")
                .description("Size of call recordings received (never published)").baseUnit("bytes")
                .register(registry);
    }

    void request(String provider, String type, String result) {
        Counter.builder("revos.webhook.requests").description("Webhook requests by provider, type and result")
                .tags("provider", provider, "type", type, "result", result).register(registry).increment();
    }

    void signatureFailure(String provider, String reason) {
        Counter.builder("revos.webhook.signature.failures").description("Webhooks refused for their signature")
                .tags("provider", provider, "reason", reason).register(registry).increment();
    }

    void quarantined(String provider, String type) {
        Counter.builder("revos.webhook.quarantined")
                .description("Correctly signed webhooks that could not be normalized, sent raw to the quarantine")
                .tags("provider", provider, "type", type).register(registry).increment();
    }

    void audio(int bytes) {
        audioBytes.record(bytes);
    }
}
