package com.revos.voice.dialer.call.application;

import com.revos.voice.dialer.DialerProperties;
import com.revos.voice.dialer.compliance.application.DialCompliance;
import com.revos.voice.dialer.compliance.model.Evidence;
import com.revos.voice.dialer.call.model.Attempt;
import com.revos.voice.dialer.call.model.CallRecord;
import com.revos.voice.dialer.call.model.CallState;
import com.revos.voice.dialer.call.model.ProviderResult;
import com.revos.voice.dialer.call.model.SendGate;
import com.revos.voice.dialer.call.model.SendPacing;
import com.revos.voice.dialer.campaign.application.ContactQueue;
import com.revos.voice.dialer.common.application.Events;
import com.revos.voice.dialer.common.application.Transactions;
import com.revos.voice.events.CallEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The life of one attempt up to the provider's answer. The attempt is committed ({@code requested}, with
 * {@code CallRequested} in the outbox) before anything is sent; right before the request is written, the send gate
 * paces it and moves it to {@code sending}, fenced by its owner; the answer is then applied in a transaction of its
 * own, by what it proves ({@link ProviderResult}). An answer that proves nothing leaves the attempt
 * {@code ambiguous}: it is never sent again until the provider's own records say there is no such call.
 */
public class Attempts {

    private final CallRecords calls;
    private final ContactQueue contacts;
    private final CallOutcomes outcomes;
    private final CallProvider provider;
    private final Events outbox;
    private final Transactions transactions;
    private final Clock clock;
    private final DialerProperties.Dispatch settings;
    private final MeterRegistry meters;
    private final DialCompliance compliance;
    private final Duration sendDeadline;
    private volatile BiConsumer<UUID, String> accountRefusals = (campaignId, reason) -> { };

    public Attempts(CallRecords calls, ContactQueue contacts, CallOutcomes outcomes, CallProvider provider,
                    Events outbox, Transactions transactions, Clock clock, DialerProperties.Dispatch settings,
                    MeterRegistry meters, DialCompliance compliance, Duration sendDeadline) {
        this.calls = calls;
        this.contacts = contacts;
        this.outcomes = outcomes;
        this.provider = provider;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
        this.meters = meters;
        this.compliance = compliance;
        this.sendDeadline = sendDeadline;
    }

    /**
     * What stops a campaign's dialing when the provider refuses the account (campaign id, reason), run in the
     * transaction that records the refusal. The campaign aggregate registers it, so that calls need not know it.
     */
    public void onAccountRefused(BiConsumer<UUID, String> stopDialing) {
        this.accountRefusals = stopDialing;
    }

    /** Records the attempt in the caller's transaction. */
    public void recordRequested(Attempt a) {
        var now = clock.instant();
        calls.insertRequested(a, now);
        outbox.publish(new CallEvent.CallRequested(dialing(a), a.agentId(), a.phoneNumberId(), now));
    }

    /**
     * Sends a recorded attempt once {@code pacing} lets it go and records the provider's answer. {@code pacing} runs
     * right before the request is written and commits the attempt's fenced move to {@code sending} with the start
     * it grants: if its owner lost it meanwhile (another instance took the campaign over, or recovery withdrew it),
     * nothing is sent. In the same transaction the dial passes the compliance check (ADR 0011), whatever was
     * checked when it was claimed: a refusal is recorded with its evidence and nothing is sent.
     */
    public ProviderResult dial(Attempt a, SendPacing pacing) {
        var gate = new SendGate() {
            /** On recovery's clock, read before the move to sending is stamped: never later than {@code sent_at}. */
            private Instant sendingSince = Instant.MIN;

            @Override
            public boolean pass() throws InterruptedException {
                return pacing.await(() -> {
                    sendingSince = clock.instant();
                    return sendIfAllowed(a);
                });
            }

            @Override
            public boolean atWire() throws InterruptedException {
                pacing.atWire();
                // recovery takes a 'sending' attempt older than the read timeout (and a margin) for one whose sender
                // died mid-request, and may give it back once the provider shows no such call: a request written
                // after that would dial its contact twice. So one held back that long (a stalled process) is not sent
                if (clock.instant().isAfter(sendingSince.plus(sendDeadline))) {
                    meters.counter("revos.dialer.calls.not.sent", "reason", "late_at_wire").increment();
                    return false;
                }
                return true;
            }

            @Override
            public void written(long nanoTime) {
                pacing.written(nanoTime);
            }
        };
        var result = provider.place(a.toPlaceCall().through(gate));
        meters.counter("revos.dialer.calls.placed", "result", result.getClass().getSimpleName().toLowerCase())
                .increment();
        transactions.inTransaction(() -> apply(a, result));
        return result;
    }

    /**
     * The compliance check at the send point, in the transaction that moves the attempt to {@code sending}: the
     * evidence is recorded only for an attempt still this owner's to send (placed) or to give back (refused).
     */
    private boolean sendIfAllowed(Attempt a) {
        var now = clock.instant();
        var decided = compliance.decideAtSend(a.callId(), now);
        if (decided.isPresent() && !decided.get().allowed()) {
            refuse(a, decided.get());
            meters.counter("revos.dialer.calls.refused", "rule", decided.get().refusedBy().replaceFirst(":.*", ""))
                    .increment();
            return false;
        }
        if (!calls.markSending(a.callId(), a.owner(), now)) {
            return false;
        }
        decided.ifPresent(compliance::record);
        return true;
    }

    /**
     * Not placed, and the contact waits until the rule allows it (its attempt given back); a refusal that will not
     * pass later (the number is suppressed, no consent) takes the contact out of the queue.
     */
    private void refuse(Attempt a, Evidence refused) {
        var retryAt = refused.retryAt();
        if (!calls.notPlaced(a.callId(), List.of(CallState.REQUESTED), "refused by " + refused.rule() + ": "
                + refused.detail(), clock.instant())) {
            return;
        }
        compliance.record(refused);
        outbox.publish(new CallEvent.CallInitiationFailed(dialing(a), new CallEvent.CallInitiationFailed.Failure(
                "refused by " + refused.rule(), "compliance_refused", true, false), clock.instant()));
        if (a.contactId() != null) {
            if (retryAt == null) {
                contacts.withhold(a.contactId(), a.attempt());
            } else {
                contacts.requeueUndialed(a.contactId(), a.attempt(), retryAt);
            }
        }
    }

    /** A recorded attempt that is not sent after all (the campaign was paused or cancelled meanwhile). */
    public void withdraw(Attempt a, String reason) {
        transactions.inTransaction(() -> giveBack(dialing(a), List.of(CallState.REQUESTED), reason, "withdrawn",
                clock.instant()));
    }

    private void apply(Attempt a, ProviderResult result) {
        var now = clock.instant();
        switch (result) {
            case ProviderResult.Placed placed -> initiate(dialing(a), List.of(CallState.SENDING),
                    placed.conversationId(), placed.callSid(), now);
            case ProviderResult.Rejected rejected -> {
                var row = calls.find(a.callId());
                if (row.isPresent() && outcomes.fail(row.get(), List.of(CallState.SENDING), rejected.reason(),
                        rejected.code(), "provider refused the call")) {
                    outbox.publish(new CallEvent.CallInitiationFailed(dialing(a),
                            new CallEvent.CallInitiationFailed.Failure(rejected.reason(), rejected.code(), false,
                                    true), now));
                }
            }
            case ProviderResult.AccountRefused refused -> {
                if (giveBack(dialing(a), List.of(CallState.REQUESTED, CallState.SENDING), refused.reason(),
                        refused.code(), now.plus(settings.outageBackoff())) && a.campaignId() != null) {
                    accountRefusals.accept(a.campaignId(), refused.reason());
                }
            }
            case ProviderResult.Unavailable unavailable -> giveBack(dialing(a),
                    List.of(CallState.REQUESTED, CallState.SENDING), unavailable.reason(), unavailable.code(),
                    now.plus(settings.outageBackoff()));
            case ProviderResult.Ambiguous ambiguous -> calls.ambiguous(a.callId(), ambiguous.reason(),
                    now.plus(settings.settleAfter()));
        }
    }

    /** The provider has the call (its answer, or its records for an ambiguous attempt): it is on its way. */
    boolean initiate(CallEvent.Dialing dialing, List<CallState> from, @Nullable String conversationId,
                     @Nullable String callSid, Instant now) {
        if (!calls.initiated(dialing.callId(), from, conversationId, callSid, now,
                now.plus(settings.outcomeTimeout()))) {
            return false;
        }
        // the provider's id of the call: the conversation, or the carrier's SID when only the carrier found it
        var providerCallId = conversationId != null ? conversationId
                : Objects.requireNonNull(callSid, "a call the provider has is known by its conversation or its SID");
        outbox.publish(new CallEvent.CallInitiated(dialing, providerCallId, callSid, now));
        return true;
    }

    /** No call happened: the attempt is given back to the contact, which waits until {@code notBefore}. */
    boolean giveBack(CallEvent.Dialing dialing, List<CallState> from, String reason, String code,
                     Instant notBefore) {
        if (!calls.notPlaced(dialing.callId(), from, reason, clock.instant())) {
            return false;
        }
        outbox.publish(new CallEvent.CallInitiationFailed(dialing,
                new CallEvent.CallInitiationFailed.Failure(reason, code, true, false), clock.instant()));
        var contactId = dialing.contactId();
        if (contactId != null) {
            contacts.requeueUndialed(contactId, dialing.attempt(), notBefore);
        }
        return true;
    }

    /** Which attempt of whose call to which number, as every lifecycle event of the attempt repeats it. */
    private static CallEvent.Dialing dialing(Attempt a) {
        return new CallEvent.Dialing(a.callId(), a.tenantId(), a.campaignId(), a.contactId(), a.attempt(),
                a.toNumber(), a.localHour());
    }

    /** The row of an attempt, for the single-call answer. */
    Optional<CallRecord> find(UUID tenantId, UUID callId) {
        return calls.find(tenantId, callId);
    }
}
