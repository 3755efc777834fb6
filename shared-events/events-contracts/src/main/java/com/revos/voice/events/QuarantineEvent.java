package com.revos.voice.events;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Correctly signed webhooks that could not be parsed or normalized, kept raw, on {@link Topics#QUARANTINE}. */
public sealed interface QuarantineEvent extends VoiceEvent {

    /**
     * @param providerEventId the provider's id of the delivery when one could be read, else a hash of the body
     * @param rawBody the body exactly as received (UTF-8)
     */
    record WebhookQuarantined(UUID quarantineId, String provider, String providerEventId, String reason,
                              String rawBody, Instant receivedAt) implements QuarantineEvent {

        @Override
        public @Nullable UUID tenantId() {
            return null;
        }

        @Override
        public String partitionKey() {
            return providerEventId;
        }

        @Override
        public String subject() {
            return providerEventId;
        }
    }
}
