package com.revos.voice.webhook.intake.infrastructure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code revos.webhooks.*}. Secrets are never printed: {@link #toString()} of the nested records masks them.
 *
 * @param source the CloudEvents source of what the intake publishes
 * @param retryAfter what a 503 tells the sender to wait
 * @param benchmarkNoopEnabled exposes {@code /webhooks/noop}, the baseline of the benchmark; off in production
 * @param recordingsDirectory where {@code post_call_audio} recordings are kept as files; unset, they are dropped
 *                            (ElevenLabs keeps them) and only their existence is published
 * @param maxInFlight webhook requests handled at once; beyond, 503 with Retry-After before anything is read
 */
@ConfigurationProperties("revos.webhooks")
record WebhookProperties(
        @DefaultValue("/revos/voice-webhook-ingest") String source,
        @DefaultValue("10s") Duration retryAfter,
        @DefaultValue ElevenLabs elevenlabs,
        @DefaultValue Twilio twilio,
        @DefaultValue Kafka kafka,
        @DefaultValue("512KB") DataSize maxQuarantinedBody,
        @DefaultValue("false") boolean benchmarkNoopEnabled,
        Path recordingsDirectory,
        @DefaultValue("512") int maxInFlight) {

    /**
     * @param secrets every secret currently valid (rotation: add the new one, then drop the old one)
     * @param maxBodySize the limit for transcription and failure payloads (JSON)
     * @param maxAudioBodySize the limit for {@code post_call_audio}, whose base64 MP3 may be large
     * @param maxRecordingsInFlight bodies read under the recording limit at once (memory: this times the limit)
     */
    record ElevenLabs(
            @DefaultValue("local-webhook-secret") List<String> secrets,
            @DefaultValue("30m") Duration maxAge,
            @DefaultValue("5m") Duration maxFutureSkew,
            @DefaultValue("1MB") DataSize maxBodySize,
            @DefaultValue("32MB") DataSize maxAudioBodySize,
            @DefaultValue("4") int maxRecordingsInFlight) {

        @Override
        public String toString() {
            return "ElevenLabs[secrets=" + secrets.size() + " (masked), maxAge=" + maxAge + ", maxFutureSkew="
                    + maxFutureSkew + ", maxBodySize=" + maxBodySize + ", maxAudioBodySize=" + maxAudioBodySize
                    + ", maxRecordingsInFlight=" + maxRecordingsInFlight + "]";
        }
    }

    /**
     * @param publicBaseUrl the scheme, host and port Twilio calls (the gateway rewrites them, and the signature
     *                      covers the URL Twilio used, not the one this service sees)
     */
    record Twilio(
            @DefaultValue("local-twilio-token") String authToken,
            @DefaultValue("http://localhost:8083") String publicBaseUrl,
            @DefaultValue("64KB") DataSize maxBodySize) {

        @Override
        public String toString() {
            return "Twilio[authToken=***, publicBaseUrl=" + publicBaseUrl + ", maxBodySize=" + maxBodySize + "]";
        }
    }

    /**
     * The intake's own producer. The timeouts are short on purpose: a dead broker must turn into a 503 the sender
     * retries within seconds, not a request hanging until the sender gives up.
     */
    record Kafka(
            @DefaultValue("localhost:9092") String bootstrapServers,
            @DefaultValue("5s") Duration publishTimeout,
            @DefaultValue("2s") Duration maxBlock,
            @DefaultValue("2s") Duration requestTimeout,
            @DefaultValue("4s") Duration deliveryTimeout,
            @DefaultValue("1ms") Duration linger,
            @DefaultValue("64KB") DataSize batchSize) {
    }
}
