package com.revos.voice.dialer.campaign.application;

import com.revos.voice.dialer.campaign.model.Campaign;
import com.revos.voice.dialer.campaign.model.CampaignStatus;
import com.revos.voice.events.CallingWindow;
import com.revos.voice.events.Pacing;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The campaigns, their status and their pacing leases. Writes run in the caller's transaction. */
public interface CampaignRecords {

    /** The counts a campaign completed with. */
    record Completed(UUID tenantId, long done, long exhausted) {
    }

    void insert(Campaign campaign);

    Optional<Campaign> find(UUID id);

    /** The campaign, locked for a status change in the caller's transaction. */
    Optional<Campaign> lock(UUID tenantId, UUID id);

    void setStatus(UUID id, CampaignStatus status, @Nullable Instant startedAt, @Nullable Instant finishedAt);

    void setWindow(UUID id, CallingWindow window);

    /** What the dialer made of the last kernel retime, when it did not apply it as commanded (null: it did). */
    void setRetimeNote(UUID id, @Nullable String note);

    void setPacing(UUID id, Pacing pacing);

    /**
     * Pauses a running campaign because the provider refused the account; its tenant when it was running. The
     * reason stays on the campaign until it is resumed.
     */
    Optional<UUID> stopDialing(UUID id, String reason);

    /** Completes a running campaign once no contact is waiting or in flight; empty when it is not (or not now). */
    Optional<Completed> completeIfDrained(UUID id, Instant now);

    /** Ids of the campaigns some instance should be pacing. */
    List<UUID> running();

    /**
     * Takes or renews the pacing lease of a running campaign and returns its epoch; empty when another instance
     * holds it. The epoch grows whenever the lease changes hands or lapsed: attempts claimed under an older epoch
     * can no longer be sent (fencing).
     */
    OptionalLong lease(UUID id, String instance, Duration lease);

    void releaseLease(UUID id, String instance);
}
