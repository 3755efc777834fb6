package com.revos.voice.provisioning.agent.model;

/** What a tenant changes of a template when deploying it; null keeps the template's value. */
public record AgentOverrides(String name, String prompt, String firstMessage, String voiceId, String language) {

    public static String either(String override, String fallback) {
        return override == null || override.isBlank() ? fallback : override;
    }
}
