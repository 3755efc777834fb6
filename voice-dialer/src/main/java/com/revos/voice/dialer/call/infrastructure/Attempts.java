package com.revos.voice.dialer.call.infrastructure;

import com.revos.voice.dialer.DialerProperties;
import com.revos.voice.dialer.call.application.CallProvider;
import com.revos.voice.dialer.call.model.CallState;
import com.revos.voice.dialer.call.model.ProviderResult;
import com.revos.voice.dialer.call.model.SendGate;
import com.revos.voice.dialer.campaign.infrastructure.CampaignCompletion;
import com.revos.voice.dialer.campaign.infrastructure.ContactStore;
import com.revos.voice.events.CallEvent;
import com.revos.voice.events.CallOutcome;
import com.revos.voice.plumbing.outbox.OutboxWriter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The life of one attempt up to the provider's answer. The attempt is committed ({@code requested}, with
 * {@code CallRequested} in the outbox) before the provider is called, and the answer is applied in a transaction
 * of its own: a crash in between leaves a {@code requested} row, which is never sent again.
 */
public class Attempts {

    private final CallStore calls;
    private final ContactStore contacts;
    private final CampaignCompletion completion;
    private final CallProvider provider;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final DialerProperties.Dispatch settings;
    private final MeterRegistry meters;
    private final OutcomeCounter outcomes;

    Attempts(CallStore calls, ContactStore contacts, CampaignCompletion completion, CallProvider provider,
             OutboxWriter outbox, TransactionTemplate transactions, Clock clock, DialerProperties.Dispatch settings,
             MeterRegistry meters, OutcomeCounter outcomes) {
        this.calls = calls;
        this.contacts = contacts;
        this.completion = completion;
        this.provider = provider;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
        this.meters = meters;
        this.outcomes = outcomes;
    }

    /** Records the attempt in the caller's transaction. */
    public void recordRequested(Attempt a) {
        var now = clock.instant();
        calls.insertRequested(a, now);
        outbox.record(new CallEvent.CallRequested(a.callId(), a.tenantId(), a.campaignId(), a.contactId(),
                a.attempt(), a.agentId(), a.phoneNumberId(), a.toNumber(), now));
    }

    /** Calls the provider for a recorded attempt and records its answer. */
    public ProviderResult dial(Attempt a) {
        return dial(a, SendGate.OPEN);
    }

    /** As {@link #dial(Attempt)}, awaiting {@code gate} right before the request is written. */
    public ProviderResult dial(Attempt a, SendGate gate) {
        var result = provider.place(a.toPlaceCall(gate));
        meters.counter("revos.dialer.calls.placed", "result", result.getClass().getSimpleName().toLowerCase())
                .increment();
        transactions.executeWithoutResult(status -> apply(a, result));
        return result;
    }

    /** A recorded attempt that is not sent after all (the campaign was paused or cancelled meanwhile). */
    public void withdraw(Attempt a, String reason) {
        transactions.executeWithoutResult(status -> defer(a, reason, "withdrawn", clock.instant()));
    }

    private void apply(Attempt a, ProviderResult result) {
        var now = clock.instant();
        switch (result) {
            case ProviderResult.Placed placed -> {
                if (calls.initiated(a.callId(), placed.conversationId(), placed.callSid(), now,
                        now.plus(settings.outcomeTimeout()))) {
                    outbox.record(new CallEvent.CallInitiated(a.callId(), a.tenantId(), a.campaignId(),
                            a.contactId(), a.attempt(), placed.conversationId(), placed.callSid(), a.toNumber(), now));
                }
            }
            case ProviderResult.Rejected rejected -> {
                if (calls.finish(a.callId(), CallState.REQUESTED, CallState.FAILED, rejected.reason(), now)) {
                    outbox.record(new CallEvent.CallInitiationFailed(a.callId(), a.tenantId(), a.campaignId(),
                            a.contactId(), a.attempt(), a.toNumber(), rejected.reason(), rejected.code(), false, now));
                    outcomes.applied(CallOutcome.FAILED);
                    if (a.contactId() != null) {
                        contacts.afterOutcome(a.contactId(), a.attempt(), CallOutcome.FAILED, now)
                                .ifPresent(completion::completeIfDrained);
                    }
                }
            }
            case ProviderResult.Unavailable unavailable -> defer(a, unavailable.reason(), unavailable.code(),
                    now.plus(settings.outageBackoff()));
        }
    }

    /** Never dialed: the attempt is given back to the contact, which waits {@code notBefore}. */
    private void defer(Attempt a, String reason, String code, java.time.Instant notBefore) {
        var now = clock.instant();
        if (calls.finish(a.callId(), CallState.REQUESTED, CallState.DEFERRED, reason, now)) {
            outbox.record(new CallEvent.CallInitiationFailed(a.callId(), a.tenantId(), a.campaignId(), a.contactId(),
                    a.attempt(), a.toNumber(), reason, code, true, now));
            if (a.contactId() != null) {
                contacts.requeueUndialed(a.contactId(), a.attempt(), notBefore);
            }
        }
    }
}
