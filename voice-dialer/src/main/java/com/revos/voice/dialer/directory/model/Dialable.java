package com.revos.voice.dialer.directory.model;

import java.util.UUID;

/** An agent and number a tenant may dial with, with the provider's ids. */
public record Dialable(UUID agentId, String providerAgentId, UUID numberId, String providerPhoneNumberId,
                       String fromNumber) {
}
