package com.revos.voice.provisioning.agent.model;

import java.time.Instant;
import java.util.UUID;

/** A tenant's voice agent, deployed from a template and living on the voice agent platform. */
public record Agent(UUID id, UUID tenantId, String templateId, String name, String providerAgentId, String language,
                    String voiceId, String prompt, String firstMessage, Instant createdAt) {
}
