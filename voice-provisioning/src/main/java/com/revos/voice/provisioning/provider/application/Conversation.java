package com.revos.voice.provisioning.provider.application;

import org.jspecify.annotations.Nullable;
import java.util.Map;

/**
 * A conversation as the platform reports it. {@code status} is one of {@code initiated, in-progress, processing,
 * done, failed}; {@code analysis} is empty until the analysis has run.
 */
public record Conversation(String conversationId, String providerAgentId, String status, @Nullable Integer durationSecs,
                           Map<String, Object> analysis) {

    public boolean terminal() {
        return "done".equals(status) || "failed".equals(status);
    }
}
