package com.revos.voice.dialer.call.model;

import java.time.Instant;
import java.util.UUID;

/**
 * How to find an attempt at the provider without its answer: our call id travels as a dynamic variable, so the
 * provider's conversation for this agent started around {@code sentAt} whose variables carry {@code callId} is it.
 */
public record PlacedCallQuery(UUID callId, String providerAgentId, String toNumber, Instant sentAt) {
}
