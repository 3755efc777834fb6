package com.revos.voice.webhook.intake.application;

import com.revos.voice.webhook.intake.model.Normalized;
import java.time.Instant;

/**
 * Reads a verified ElevenLabs post-call webhook (provider-apis.md 5.2) into what the rest of the product needs. The
 * JSON parsing is the edge's (a provider's payload shape is transport); the use case only sees the result.
 */
public interface PostCallReader {

    /** The provider whose webhooks this reads, as the reports name it. */
    String PROVIDER = "elevenlabs";

    Normalized normalize(byte[] body, Instant receivedAt);
}
