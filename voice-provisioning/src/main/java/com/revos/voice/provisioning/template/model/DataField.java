package com.revos.voice.provisioning.template.model;

/**
 * One thing the agent extracts from each conversation (ElevenLabs data collection).
 *
 * @param type one of {@code boolean, string, integer, number}
 */
public record DataField(String id, String type, String description) {
}
