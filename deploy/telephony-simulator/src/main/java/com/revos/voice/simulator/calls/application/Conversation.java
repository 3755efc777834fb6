package com.revos.voice.simulator.calls.application;

import org.jspecify.annotations.Nullable;
import java.util.Map;

/**
 * One simulated conversation as {@code GET /v1/convai/conversations/{id}} shows it.
 *
 * @param data the final conversation data (same shape as the webhook's {@code data}); null while the call runs
 */
public record Conversation(String conversationId, String callSid, OutboundCall call, @Nullable String agentName,
                           String agentNumber, long startTimeUnixSecs, @Nullable Map<String, Object> data) {

    public Conversation finish(Map<String, Object> finalData) {
        return new Conversation(conversationId, callSid, call, agentName, agentNumber, startTimeUnixSecs, finalData);
    }
}
