package com.revos.voice.simulator.calls.application;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The most recent conversations, bounded so that a long benchmark cannot exhaust the heap. */
public final class ConversationRegistry {

    private final Map<String, Conversation> conversations;

    public ConversationRegistry(int capacity) {
        this.conversations = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Conversation> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized void put(Conversation conversation) {
        conversations.put(conversation.conversationId(), conversation);
    }

    public synchronized Optional<Conversation> find(String conversationId) {
        return Optional.ofNullable(conversations.get(conversationId));
    }

    public synchronized void clear() {
        conversations.clear();
    }
}
