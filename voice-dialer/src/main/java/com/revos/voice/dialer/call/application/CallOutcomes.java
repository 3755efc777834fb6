package com.revos.voice.dialer.call.application;

import com.revos.voice.dialer.call.model.CallRecord;
import com.revos.voice.dialer.call.model.CallState;
import com.revos.voice.dialer.call.model.ReportRules;
import com.revos.voice.dialer.campaign.application.CampaignCompletion;
import com.revos.voice.dialer.campaign.application.ContactQueue;
import com.revos.voice.dialer.common.application.Events;
import com.revos.voice.dialer.usage.application.Ledger;
import com.revos.voice.events.CallEvent.CallCompleted;
import com.revos.voice.events.CallOutcome;
import com.revos.voice.events.CallResult;
import com.revos.voice.events.CallTiming;
import com.revos.voice.events.EventCatalog;
import com.revos.voice.events.ProviderReport.CallReported;
import com.revos.voice.dialer.compliance.application.OutcomeCompliance;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Makes an attempt final, in the caller's transaction, exactly once: the call row (the conditional transition
 * decides whether this writer is the one), the usage ledger in USD (one entry per call), the contact's next state by
 * the retry policy, the campaign's completion, the outcome count and the one {@code call.completed} event, built
 * from our records (tenant, campaign, contact, attempt, local hour) and the report that settled it. Its event id is
 * derived from the call id, so even a replayed outbox row is one outcome for every consumer.
 */
public class CallOutcomes {

    static final String PROVIDER = "elevenlabs";

    private final CallRecords calls;
    private final ContactQueue contacts;
    private final CampaignCompletion completion;
    private final Ledger usage;
    private final OutcomeCounter counter;
    private final Events outbox;
    private final Clock clock;
    private final OutcomeCompliance compliance;

    public CallOutcomes(CallRecords calls, ContactQueue contacts, CampaignCompletion completion, Ledger usage,
                        OutcomeCounter counter, Events outbox, Clock clock, OutcomeCompliance compliance) {
        this.calls = calls;
        this.contacts = contacts;
        this.completion = completion;
        this.usage = usage;
        this.counter = counter;
        this.outbox = outbox;
        this.clock = clock;
        this.compliance = compliance;
    }

    /** The report settles the attempt; false when the attempt was already final (a duplicate or late report). */
    boolean complete(CallRecord call, CallReported report, String decidedBy) {
        var now = clock.instant();
        var billable = ReportRules.billableSeconds(report);
        var source = report.provider() + "." + report.kind();
        if (!calls.completed(call.id(), report, billable, decidedBy, source, now)) {
            return false;
        }
        var cost = report.charge().costUsd() == null ? BigDecimal.ZERO : report.charge().costUsd();
        // an opt-out said on the call suppresses the number for every campaign of the tenant before this commits
        compliance.apply(new OutcomeCompliance.Outcome(call.id(), call.tenantId(), call.campaignId(),
                call.toNumber(), report.outcome(), report.result().terminationReason(), report.result().analysis(),
                now));
        usage.record(call.id(), call.tenantId(), call.campaignId(), billable, cost, now);
        // a call given up as not placed that the provider then reports did happen: its record and bill are
        // corrected, but its contact has moved on (its attempt was given back), so the outcome is not applied twice
        if (call.state() != CallState.NOT_PLACED) {
            applyToContact(call, report.outcome());
        }
        var providerCallId = PROVIDER.equals(report.provider()) ? report.providerCallId() : call.providerCallId();
        var sources = new java.util.ArrayList<>(call.sources());
        sources.add(source);
        var result = report.result();
        publish(new CallCompleted(dialed(call), new CallCompleted.ProviderCall(PROVIDER, providerCallId, null),
                new CallTiming(report.timing().startedAt() != null ? report.timing().startedAt() : call.initiatedAt(),
                        report.timing().durationSecs()), report.outcome(),
                new CallResult(result.qualified(), result.qualificationScore(), result.terminationReason(),
                        result.analysis() == null ? Map.of() : result.analysis(), result.summary()),
                new CallCompleted.Billing(billable, cost, report.charge().costCredits()),
                new CallCompleted.Provenance(List.copyOf(sources), decidedBy)));
        return true;
    }

    /**
     * No outcome will come, yet the attempt counts: the provider refused this call ({@code notPlacedReason} set),
     * or it was placed and then never explained. Outcome {@code failed}, nothing billed.
     */
    boolean fail(CallRecord call, List<CallState> from, String reason, String notPlacedReason,
                 String decidedBy) {
        var now = clock.instant();
        if (!calls.failed(call.id(), from, reason, notPlacedReason, decidedBy, now)) {
            return false;
        }
        applyToContact(call, CallOutcome.FAILED);
        publish(new CallCompleted(dialed(call),
                new CallCompleted.ProviderCall(PROVIDER, call.providerCallId(), notPlacedReason),
                new CallTiming(call.sentAt(), 0), CallOutcome.FAILED, new CallResult(false, null, reason, Map.of(), null),
                new CallCompleted.Billing(0, BigDecimal.ZERO, null),
                new CallCompleted.Provenance(List.of("voice-dialer"), decidedBy)));
        return true;
    }

    /** Who was called, from our records only. */
    private static CallCompleted.Dialed dialed(CallRecord call) {
        return new CallCompleted.Dialed(call.id(), call.tenantId(), call.campaignId(), call.contactId(), call.attempt(),
                call.toNumber(), call.localHour());
    }

    private void applyToContact(CallRecord call, CallOutcome outcome) {
        counter.applied(outcome);
        if (call.contactId() != null) {
            contacts.afterOutcome(call.contactId(), call.attempt(), outcome, clock.instant())
                    .ifPresent(completion::completeIfDrained);
        }
    }

    private void publish(CallCompleted event) {
        var id = EventCatalog.of(CallCompleted.class).name() + ':' + event.callId();
        outbox.publish(event, UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)));
    }
}
