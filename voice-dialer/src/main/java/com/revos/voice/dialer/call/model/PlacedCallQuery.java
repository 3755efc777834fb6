package com.revos.voice.dialer.call.model;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How to find an attempt at the provider without its answer: our call id travels as a dynamic variable, so the
 * provider's conversation for this agent started around {@code sentAt} whose variables carry {@code callId} is it;
 * and the carrier's record of a call from {@code fromNumber} to {@code toNumber} started then, that no other attempt
 * of ours claims, is it too.
 */
public record PlacedCallQuery(UUID callId, @Nullable String providerAgentId, String fromNumber, String toNumber,
                              Instant sentAt) {
}
