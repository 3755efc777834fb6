package com.revos.voice.provisioning.agent.model;

import org.jspecify.annotations.Nullable;
/** What a tenant changes of a template when deploying it; null keeps the template's value. */
public record AgentOverrides(@Nullable String name, @Nullable String prompt, @Nullable String firstMessage,
                             @Nullable String voiceId, @Nullable String language) {

    public static String either(@Nullable String override, String fallback) {
        return override == null || override.isBlank() ? fallback : override;
    }
}
