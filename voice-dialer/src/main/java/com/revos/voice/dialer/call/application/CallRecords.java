package com.revos.voice.dialer.call.application;

import com.revos.voice.dialer.call.model.Attempt;
import com.revos.voice.dialer.call.model.CallRecord;
import com.revos.voice.dialer.call.model.CallState;
import com.revos.voice.dialer.call.model.Owner;
import com.revos.voice.events.ProviderReport.CallReported;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The attempts. Every transition is conditional on the states it may come {@code from} and answers whether this
 * writer made it: two writers racing over one attempt (a report and the reconciler, two instances) never both win.
 * Writes run in the caller's transaction.
 */
public interface CallRecords {

    /** Calls in flight of a tenant, of one of its numbers, of one campaign, and of the whole provider account. */
    record Open(long tenant, long number, long campaign, long account) {
    }

    void insertRequested(Attempt attempt, Instant now);

    /**
     * The send gate's fence: {@code requested → sending}, only while the attempt's owner still holds it (for a
     * campaign call, the campaign's pacing lease at the epoch the attempt was claimed under). False: do not send.
     */
    boolean markSending(UUID callId, Owner owner, Instant now);

    boolean initiated(UUID callId, List<CallState> from, @Nullable String providerCallId, @Nullable String callSid,
                      Instant now,
                      Instant reconcileAfter);

    boolean ambiguous(UUID callId, String reason, Instant resolveAfter);

    /** No call happened: final, the attempt given back. */
    boolean notPlaced(UUID callId, List<CallState> from, String reason, Instant now);

    /** The provider refused this call, or it was given up on: final, outcome failed, the attempt counted. */
    boolean failed(UUID callId, List<CallState> from, String reason, @Nullable String notPlacedReason,
                   String decidedBy, Instant now);

    /** The outcome a report settled: final. */
    boolean completed(UUID callId, CallReported report, int billableSecs, String decidedBy, String source,
                      Instant now);

    /** Locks the call for applying a report. */
    Optional<CallRecord> lock(UUID callId);

    /** The call the provider knows by this id: the ElevenLabs conversation id or the Twilio call SID we recorded. */
    Optional<CallRecord> lockByProviderIds(String providerCallId, @Nullable String callSid);

    /**
     * The calls the provider knows by any of these ids (ElevenLabs conversation ids, Twilio call SIDs), and the calls
     * of our ids that reports echoed, locked in one statement and in id order, so that two batches locking
     * overlapping calls wait rather than deadlock.
     */
    List<CallRecord> lockAll(Collection<String> providerCallIds, Collection<String> callSids,
                             Collection<UUID> echoedCallIds);

    Open open(UUID tenantId, UUID numberId, @Nullable UUID campaignId);

    /** Attempts still {@code requested} since before {@code olderThan}: never sent, and now never will be. */
    List<CallRecord> unsentSince(Instant olderThan, int limit);

    /** Attempts {@code sending} since before {@code olderThan}: their sender died mid-request. */
    List<CallRecord> sendingSince(Instant olderThan, int limit);

    /** Ambiguous attempts due to be looked up at the provider again. */
    List<CallRecord> ambiguousDue(Instant now, int limit);

    void resolveLater(UUID callId, Instant at);

    /** Initiated calls whose report is overdue. */
    List<CallRecord> overdue(Instant now, int limit);

    void reconcileLater(UUID callId, Instant at);

    Optional<CallRecord> find(UUID tenantId, UUID callId);

    Optional<CallRecord> find(UUID callId);

    /** Whether an attempt of ours already owns this Twilio call SID. */
    boolean claimsCallSid(String callSid);
}
