package com.revos.voice.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

@JsonIgnoreProperties(ignoreUnknown = true)
public record Agent(String id, String name, String templateId, String providerAgentId, String voiceId,
                    String language, String firstMessage, String prompt, Instant createdAt) {
}
