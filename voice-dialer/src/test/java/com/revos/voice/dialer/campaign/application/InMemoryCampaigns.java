package com.revos.voice.dialer.campaign.application;

import com.revos.voice.dialer.campaign.model.Campaign;
import com.revos.voice.dialer.campaign.model.CampaignStatus;
import com.revos.voice.events.CallingWindow;
import com.revos.voice.events.Pacing;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** Campaigns in memory, for the use cases' unit tests. */
public final class InMemoryCampaigns implements CampaignRecords {
    private final Map<UUID, Campaign> rows = new HashMap<>();
    private final Map<UUID, String> retimeNotes = new HashMap<>();

    @Override
    public void setRetimeNote(UUID id, String note) {
        retimeNotes.put(id, note);
    }

    /** The note a retime left on the campaign, if any. */
    public Optional<String> retimeNote(UUID id) {
        return Optional.ofNullable(retimeNotes.get(id));
    }

    public Campaign add(Campaign campaign) {
        rows.put(campaign.id(), campaign);
        return campaign;
    }

    @Override
    public void insert(Campaign campaign) {
        add(campaign);
    }

    @Override
    public Optional<Campaign> find(UUID id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public Optional<Campaign> lock(UUID tenantId, UUID id) {
        return find(id).filter(c -> c.tenantId().equals(tenantId));
    }

    @Override
    public void setStatus(UUID id, CampaignStatus status, Instant startedAt, Instant finishedAt) {
        rows.computeIfPresent(id, (key, c) -> KernelCommandsTest.withStatus(c, status));
    }

    @Override
    public void setWindow(UUID id, CallingWindow window) {
        rows.computeIfPresent(id, (key, c) -> new Campaign(c.id(), c.tenantId(), c.name(), c.agentId(),
                c.phoneNumberId(), c.status(), window, c.pacing(), c.retryPolicy(), c.createdAt(),
                c.startedAt(), c.finishedAt(), c.purpose()));
    }

    @Override
    public void setPacing(UUID id, Pacing pacing) {
        rows.computeIfPresent(id, (key, c) -> new Campaign(c.id(), c.tenantId(), c.name(), c.agentId(),
                c.phoneNumberId(), c.status(), c.callingWindow(), pacing, c.retryPolicy(), c.createdAt(),
                c.startedAt(), c.finishedAt(), c.purpose()));
    }

    @Override
    public Optional<UUID> stopDialing(UUID id, String reason) {
        return Optional.empty();
    }

    @Override
    public Optional<Completed> completeIfDrained(UUID id, Instant now) {
        return Optional.empty();
    }

    @Override
    public List<UUID> running() {
        return List.of();
    }

    @Override
    public OptionalLong lease(UUID id, String instance, Duration lease) {
        return OptionalLong.empty();
    }

    @Override
    public void releaseLease(UUID id, String instance) {
    }
}
