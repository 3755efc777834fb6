package com.revos.voice.webhook.intake.application;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where call recordings may be kept. Recordings never go on Kafka (they are megabytes of personal data); the default
 * store keeps nothing, ElevenLabs keeps the audio and serves it by conversation id.
 */
public interface AudioStore {

    AudioStore NONE = (conversationId, agentId, mp3) -> Optional.empty();

    /**
     * Keeps a recording; storing the same conversation again (a redelivered webhook) replaces it.
     *
     * @return the key it is kept under, empty when this store keeps nothing
     */
    Optional<String> store(String conversationId, @Nullable String agentId, byte[] mp3);
}
