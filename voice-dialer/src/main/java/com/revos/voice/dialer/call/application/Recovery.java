package com.revos.voice.dialer.call.application;

import com.revos.voice.dialer.DialerProperties;
import com.revos.voice.dialer.call.model.CallRecord;
import com.revos.voice.dialer.call.model.CallState;
import com.revos.voice.dialer.common.application.Transactions;
import com.revos.voice.dialer.call.model.ConversationStatus;
import com.revos.voice.dialer.call.model.PlacedCallQuery;
import com.revos.voice.dialer.call.model.Resolution;
import com.revos.voice.events.CallEvent;
import com.revos.voice.events.CallOutcome;
import com.revos.voice.events.CallResult;
import com.revos.voice.events.CallTiming;
import com.revos.voice.events.ProviderReport.CallReported;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings every attempt to a final state within a stated bound, whatever happened to the instance that sent it
 * (ADR 0009). Every {@code recover-every}:
 * <ul>
 * <li>{@code requested} attempts older than {@code stale-request-after} were never sent (their sender is gone):
 *     they are given back to their contacts, unburned;</li>
 * <li>{@code sending} attempts older than the read timeout lost their sender mid-request: they become
 *     {@code ambiguous};</li>
 * <li>{@code ambiguous} attempts are looked up at the provider by our call id: found, they continue as
 *     initiated; absent (from ElevenLabs' conversations and Twilio's calls alike) once {@code settle-after} has
 *     passed since sending, they are given back; unexplained after
 *     {@code give-up-after}, they count as dialed and failed (never sent twice).</li>
 * </ul>
 * Every {@code reconcile-every}, initiated calls whose report never came within {@code outcome-timeout} are fetched
 * ({@code GET /v1/convai/conversations/{id}}) and settled through the same path as a webhook.
 */
public class Recovery {

    private static final Logger log = LoggerFactory.getLogger(Recovery.class);
    private static final int BATCH = 100;
    static final String RECONCILIATION = "reconciliation";

    private final CallRecords calls;
    private final Attempts attempts;
    private final CallOutcomes outcomes;
    private final CallProvider provider;
    private final CarrierRecords carrier;
    private final Transactions transactions;
    private final Clock clock;
    private final DialerProperties.Dispatch settings;
    private final Duration readTimeout;

    public Recovery(CallRecords calls, Attempts attempts, CallOutcomes outcomes, CallProvider provider,
                    CarrierRecords carrier, Transactions transactions, Clock clock,
                    DialerProperties.Dispatch settings, Duration readTimeout) {
        this.calls = calls;
        this.attempts = attempts;
        this.outcomes = outcomes;
        this.provider = provider;
        this.carrier = carrier;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
        this.readTimeout = readTimeout;
    }

    public void recover() {
        drain(now -> calls.unsentSince(now.minus(settings.staleRequestAfter()), BATCH), this::giveBackUnsent);
        drain(now -> calls.sendingSince(now.minus(readTimeout).minusSeconds(5), BATCH), call ->
                calls.ambiguous(call.id(), "the sending instance stopped before the provider answered",
                        clock.instant()));
        drain(now -> calls.ambiguousDue(now, BATCH), this::resolve);
    }

    public void reconcile() {
        drain(now -> calls.overdue(now, BATCH), this::reconcile);
    }

    private void drain(Function<java.time.Instant, List<CallRecord>> batch,
                       java.util.function.Consumer<CallRecord> action) {
        List<CallRecord> rows;
        var seen = new java.util.HashSet<java.util.UUID>();
        do {
            rows = batch.apply(clock.instant());
            for (var row : rows) {
                if (seen.add(row.id())) {
                    try {
                        transactions.inTransaction(() -> action.accept(row));
                    } catch (RuntimeException e) {
                        log.warn("Recovering call {} failed; retried next round", row.id(), e);
                    }
                }
            }
        } while (rows.size() == BATCH && rows.stream().anyMatch(row -> !seen.contains(row.id())));
    }

    private void giveBackUnsent(CallRecord call) {
        attempts.giveBack(dialing(call), List.of(CallState.REQUESTED), "never sent: its instance stopped first",
                "unsent", clock.instant());
    }

    /** The attempt a recovered row records, as its lifecycle events name it. */
    private static CallEvent.Dialing dialing(CallRecord call) {
        return new CallEvent.Dialing(call.id(), call.tenantId(), call.campaignId(), call.contactId(), call.attempt(),
                call.toNumber(), call.localHour());
    }

    private void resolve(CallRecord call) {
        var now = clock.instant();
        var sentAt = call.sentAt() == null ? call.requestedAt() : call.sentAt();
        var resolution = resolution(call, sentAt);
        switch (resolution) {
            case Resolution.Found found -> attempts.initiate(dialing(call), List.of(CallState.AMBIGUOUS),
                    found.conversationId(), found.callSid(), now);
            case Resolution.Absent absent -> {
                if (now.isBefore(sentAt.plus(settings.settleAfter()))) {
                    calls.resolveLater(call.id(), sentAt.plus(settings.settleAfter()));
                } else {
                    attempts.giveBack(dialing(call), List.of(CallState.AMBIGUOUS), "the provider has no such call",
                            "not_placed", now);
                }
            }
            case Resolution.Undecided undecided -> {
                if (now.isAfter(sentAt.plus(settings.giveUpAfter()))) {
                    outcomes.fail(call, List.of(CallState.AMBIGUOUS), "the provider could not say whether it placed "
                            + "the call (" + undecided.why() + "); counted as dialed, never sent again", null,
                            RECONCILIATION);
                } else {
                    calls.resolveLater(call.id(), now.plus(settings.recoverEvery().multipliedBy(5)));
                }
            }
        }
    }

    /**
     * ElevenLabs' conversations first (they name our call id); when they show nothing, the carrier's records of the
     * account ElevenLabs dials through: absent only when both say so.
     */
    private Resolution resolution(CallRecord call, java.time.Instant sentAt) {
        if (call.providerAgentId() == null) {
            return new Resolution.Undecided("no provider agent recorded");
        }
        var query = new PlacedCallQuery(call.id(), call.providerAgentId(), call.fromNumber(), call.toNumber(), sentAt);
        var byConversations = provider.find(query);
        if (!(byConversations instanceof Resolution.Absent)) {
            return byConversations;
        }
        return carrier.find(query, calls::claimsCallSid);
    }

    private void reconcile(CallRecord call) {
        var providerCallId = call.providerCallId();
        var status = providerCallId == null ? java.util.Optional.<ConversationStatus>empty()
                : provider.conversation(providerCallId);
        if (providerCallId != null && status.isPresent() && status.get().terminal()) {
            outcomes.complete(call, report(call, providerCallId, status.get()), RECONCILIATION);
        } else {
            calls.reconcileLater(call.id(), clock.instant().plus(settings.reconcileEvery()));
        }
    }

    /** The conversation's final state, read as a report so that it settles the call like a webhook would. */
    private CallReported report(CallRecord call, String providerCallId, ConversationStatus status) {
        var duration = status.durationSecs() == null ? 0 : status.durationSecs();
        var outcome = "failed".equals(status.status()) ? CallOutcome.FAILED
                : duration > 0 ? CallOutcome.CONNECTED : CallOutcome.NO_ANSWER;
        return new CallReported("elevenlabs", RECONCILIATION, providerCallId, call.callSid(),
                call.providerAgentId(), call.toNumber(), new CallTiming(call.initiatedAt(), duration), outcome, true,
                new CallResult(outcome == CallOutcome.CONNECTED ? status.callSuccessful() : Boolean.FALSE, null,
                        status.terminationReason(), status.analysis() == null ? Map.of() : status.analysis(),
                        status.summary()),
                new CallReported.Charge(status.costUsd(), status.costCredits()), Map.of(), clock.instant());
    }
}
