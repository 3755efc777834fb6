package com.revos.voice.events;

/**
 * A typed topic descriptor: the topic's name, what its key is, and the family of events it carries.
 * Producers and consumers go through the constants in {@link Topics}, never through string literals.
 *
 * @param name the Kafka topic name
 * @param key what the record key holds (keys are always the string form of that id)
 * @param valueType the sealed family of the records' values
 */
public record Topic<E extends VoiceEvent>(String name, String key, Class<E> valueType) {

    /** The dead-letter topic of one consumer group on this topic: {@code <topic>.<group>.dlt}. */
    public String deadLetterTopic(String consumerGroup) {
        return name + "." + consumerGroup + ".dlt";
    }
}
