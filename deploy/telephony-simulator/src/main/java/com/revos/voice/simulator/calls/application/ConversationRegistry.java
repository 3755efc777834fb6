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

    /**
     * The conversations of one agent that started at or after {@code startedAfterUnixSecs}, newest first, at most
     * {@code limit}: what {@code GET /v1/convai/conversations} lists (provider-apis.md section 7).
     */
    public synchronized java.util.List<Conversation> list(String agentId, long startedAfterUnixSecs, int limit) {
        var found = new java.util.ArrayList<Conversation>();
        for (var conversation : conversations.values()) {
            if ((agentId == null || agentId.equals(conversation.call().agentId()))
                    && conversation.startTimeUnixSecs() >= startedAfterUnixSecs) {
                found.add(conversation);
            }
        }
        java.util.Collections.reverse(found);
        return found.size() > limit ? java.util.List.copyOf(found.subList(0, limit)) : found;
    }

    /** The calls placed to {@code toNumber} (from {@code fromNumber} when given), newest first: Twilio's Calls list. */
    public synchronized java.util.List<Conversation> toNumber(String toNumber, String fromNumber, int limit) {
        var found = new java.util.ArrayList<Conversation>();
        for (var conversation : conversations.values()) {
            if (conversation.call().toNumber().equals(toNumber)
                    && (fromNumber == null || fromNumber.equals(conversation.agentNumber()))) {
                found.add(conversation);
            }
        }
        java.util.Collections.reverse(found);
        return found.size() > limit ? java.util.List.copyOf(found.subList(0, limit)) : found;
    }

    public synchronized void clear() {
        conversations.clear();
    }
}
