package com.revos.voice.dialer.call.infrastructure;

import com.revos.voice.dialer.call.model.CallState;
import com.revos.voice.dialer.campaign.infrastructure.CampaignCompletion;
import com.revos.voice.dialer.campaign.infrastructure.ContactStore;
import com.revos.voice.dialer.usage.infrastructure.UsageLedger;
import com.revos.voice.events.CallEvent.CallCompleted;
import com.revos.voice.events.CallOutcome;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a call's outcome, in the caller's transaction: the call row, the usage ledger (one entry per call), the
 * contact's next state by the retry policy, the campaign's completion, and the outcome count. Outcomes of calls we
 * do not know, or already applied, change nothing.
 */
public class CallOutcomes {

    private static final Logger log = LoggerFactory.getLogger(CallOutcomes.class);

    private final CallStore calls;
    private final ContactStore contacts;
    private final CampaignCompletion completion;
    private final UsageLedger usage;
    private final OutcomeCounter counter;
    private final Clock clock;

    CallOutcomes(CallStore calls, ContactStore contacts, CampaignCompletion completion, UsageLedger usage,
                 OutcomeCounter counter, Clock clock) {
        this.calls = calls;
        this.contacts = contacts;
        this.completion = completion;
        this.usage = usage;
        this.counter = counter;
        this.clock = clock;
    }

    public void apply(CallCompleted event) {
        if (event.outcome() == null) {
            return;
        }
        // a call_initiation_failure webhook (busy, no answer) carries no dynamic variables: it is tied back to our
        // attempt by the conversation id the provider gave when the call was placed
        var found = event.matched() && event.callId() != null ? calls.lock(event.callId())
                : event.providerCallId() == null ? Optional.<CallStore.CallRow>empty()
                : calls.lockByProviderCallId(event.providerCallId());
        if (found.isEmpty()) {
            log.debug("Outcome for unknown call {} / conversation {} ignored", event.callId(), event.providerCallId());
            return;
        }
        var call = found.get();
        if (CallState.COMPLETED.equals(call.state())) {
            return;
        }
        var now = clock.instant();
        calls.completed(call.id(), event.outcome().wireName(), event.durationSecs(), event.cost(),
                event.providerCallId(), now);
        usage.record(call.id(), call.tenantId(), call.campaignId(),
                event.durationSecs() == null ? 0 : event.durationSecs(),
                event.cost() == null ? BigDecimal.ZERO : event.cost(), now);
        // a late outcome of a call already given up on corrects its record and its billing, not its count
        if (CallStore.isOpen(call.state())) {
            counter.applied(event.outcome());
            if (call.contactId() != null) {
                contacts.afterOutcome(call.contactId(), call.attempt(), event.outcome(), now)
                        .ifPresent(completion::completeIfDrained);
            }
        }
    }

    /** A call that never got an outcome and that the provider cannot explain: counted as a failed attempt. */
    void giveUp(CallStore.CallRow call, String reason) {
        var now = clock.instant();
        if (!calls.finish(call.id(), call.state(), CallState.FAILED, reason, now)) {
            return;
        }
        counter.applied(CallOutcome.FAILED);
        if (call.contactId() != null) {
            contacts.afterOutcome(call.contactId(), call.attempt(), CallOutcome.FAILED, now)
                    .ifPresent(completion::completeIfDrained);
        }
    }
}
