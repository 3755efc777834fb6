package com.revos.voice.dialer.campaign.model;

import com.revos.voice.dialer.compliance.model.Purpose;
import com.revos.voice.events.CallingWindow;
import com.revos.voice.events.Pacing;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A campaign's settings and status; {@code purpose} decides the consent its contacts need (ADR 0011). */
public record Campaign(UUID id, UUID tenantId, String name, UUID agentId, UUID phoneNumberId, CampaignStatus status,
                       CallingWindow callingWindow, Pacing pacing, RetryPolicy retryPolicy, Instant createdAt,
                       @Nullable Instant startedAt, @Nullable Instant finishedAt, Purpose purpose) {
}
