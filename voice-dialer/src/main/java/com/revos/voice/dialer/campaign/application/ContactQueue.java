package com.revos.voice.dialer.campaign.application;

import com.revos.voice.dialer.compliance.model.ContactFacts;
import com.revos.voice.events.CallOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A campaign's contacts as dialing works through them: claimed by lease, then moved on by each attempt. */
public interface ContactQueue {

    /** A contact claimed for one attempt ({@code attempt} already counts it). */
    record Claimed(UUID id, String phone, Map<String, Object> variables, int attempt, String zoneKey) {
    }

    /** A contact to insert, with what it says about its location and consent. */
    record NewContact(UUID id, int row, String phone, String zoneKey, Map<String, Object> variables,
                      ContactFacts facts) {
    }

    /** Inserts a batch; returns, per contact, whether it was new (false: the campaign already had the number). */
    boolean[] insert(UUID campaignId, UUID tenantId, List<NewContact> batch);

    long count(UUID campaignId);

    /** The zone keys among the campaign's contacts still waiting. */
    List<String> pendingZoneKeys(UUID campaignId);

    /** Takes the waiting contacts whose numbers were suppressed since upload out of the queue. */
    int suppressPending(UUID campaignId, UUID tenantId);

    /**
     * Leases up to {@code limit} due contacts (in one of {@code openZones}, not suppressed, attempts left) to the
     * caller, in its transaction; rows another caller holds are skipped, never waited for.
     */
    List<Claimed> claim(UUID campaignId, UUID tenantId, List<String> openZones, int maxAttempts, Instant now,
                        int limit);

    /** A claimed contact that was not dialed (outage, pause): back in the queue, the attempt given back. */
    void requeueUndialed(UUID contactId, int attempt, Instant notBefore);

    /**
     * A claimed contact that may never be dialed (its number suppressed since it was claimed, no consent on file):
     * out of the queue as {@code suppressed}, its attempt given back.
     */
    void withhold(UUID contactId, int attempt);

    /** Applies an attempt's outcome by the retry policy; the campaign's id when the contact is now done. */
    Optional<UUID> afterOutcome(UUID contactId, int attempt, CallOutcome outcome, Instant now);

    void cancelPending(UUID campaignId);
}
