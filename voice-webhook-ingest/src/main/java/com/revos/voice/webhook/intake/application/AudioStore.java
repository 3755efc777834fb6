package com.revos.voice.webhook.intake.application;

/**
 * Where call recordings may be kept. Recordings never go on Kafka (they are megabytes of personal data); the default
 * store keeps nothing, ElevenLabs keeps the audio and serves it by conversation id.
 */
public interface AudioStore {

    AudioStore NONE = (conversationId, agentId, mp3) -> { };

    void store(String conversationId, String agentId, byte[] mp3);
}
