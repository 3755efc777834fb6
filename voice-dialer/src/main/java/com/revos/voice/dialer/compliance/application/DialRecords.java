package com.revos.voice.dialer.compliance.application;

import com.revos.voice.dialer.compliance.model.ContactFacts;
import com.revos.voice.dialer.compliance.model.DialFacts;
import com.revos.voice.dialer.compliance.model.Purpose;
import com.revos.voice.events.CallingWindow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What a dial is decided on, read in the caller's transaction (the one that sends the call). */
public interface DialRecords {

    /** A recorded attempt with its contact's facts and its campaign's window and purpose. */
    record Attempted(UUID callId, UUID tenantId, @Nullable UUID campaignId, @Nullable UUID contactId, int attempt,
                     String toNumber, ContactFacts contact, @Nullable CallingWindow campaignWindow,
                     @Nullable Purpose purpose) {
    }

    Optional<Attempted> attempt(UUID callId);

    /** An attempt with its number's standing on the tenant's do-not-call list. */
    record AtSend(Attempted attempt, DialFacts.SuppressionStatus suppression) {
    }

    /**
     * What the send point decides on first, in one round trip: the attempt as {@link #attempt} gives it, the number's
     * list status as {@link #suppression} does, and the number's lock that {@link #placedSince} takes, so that
     * {@link #placedSinceUnderLock} may follow it.
     */
    Optional<AtSend> attemptAtSend(UUID callId, Instant now);

    /** The tenant's do-not-call list for the number, with the list's current version. */
    DialFacts.SuppressionStatus suppression(UUID tenantId, String toNumber, Instant now);

    /**
     * When calls to the number were placed since {@code since}, over all the tenant's campaigns and single calls.
     * Serialises with every other dial to the same number of the tenant until the caller's transaction ends, so
     * that two instances cannot both place the call that goes over the cap.
     */
    List<Instant> placedSince(UUID tenantId, String toNumber, Instant since);

    /**
     * As {@link #placedSince}, for a transaction that holds the number's lock already ({@link #attemptAtSend} took
     * it): the calls are read in a statement after the lock's, so none placed by a dial that held it is missed.
     */
    List<Instant> placedSinceUnderLock(UUID tenantId, String toNumber, Instant since);
}
