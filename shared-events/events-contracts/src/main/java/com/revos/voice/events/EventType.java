package com.revos.voice.events;

/**
 * One event type: its CloudEvents {@code type} ({@code revos.voice.<entity>.<what>.v<N>}), its record and its topic.
 */
public record EventType<E extends VoiceEvent>(String name, Class<E> recordType, Topic<?> topic) {

    /** Where the JSON Schema of this type's data lies on the classpath. */
    public String schemaResource() {
        return "/schemas/" + name + ".json";
    }
}
