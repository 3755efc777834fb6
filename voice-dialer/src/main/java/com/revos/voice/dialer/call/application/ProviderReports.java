package com.revos.voice.dialer.call.application;

import com.revos.voice.dialer.call.model.CallRecord;
import com.revos.voice.dialer.call.model.CallState;
import com.revos.voice.dialer.call.model.ReportRules;
import com.revos.voice.events.ProviderReport.CallReported;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies what providers report (topic {@code revos.voice.provider-reports.v1}) to our attempts, a poll's batch at a
 * time in the consumer's transaction (ADR 0026). The attempt is found by our own records ({@link ReportRules}); a
 * report that matches none is kept in {@code unmatched_reports} and counted, never turned into an outcome. A report
 * on an attempt already final changes nothing: the first report that settles an attempt decides it.
 */
public class ProviderReports {

    private static final Logger log = LoggerFactory.getLogger(ProviderReports.class);
    static final String DECIDED_BY_REPORT = "provider report";

    private final CallRecords calls;
    private final CallOutcomes outcomes;
    private final UnmatchedReports unmatched;
    private final MeterRegistry meters;
    private final Clock clock;

    public ProviderReports(CallRecords calls, CallOutcomes outcomes, UnmatchedReports unmatched, MeterRegistry meters,
                           Clock clock) {
        this.calls = calls;
        this.outcomes = outcomes;
        this.unmatched = unmatched;
        this.meters = meters;
        this.clock = clock;
    }

    /** One report as it was delivered: its event id and what it says. */
    public record Delivered(UUID eventId, CallReported report) {
    }

    /**
     * Applies one batch of reports, in their order, in the caller's transaction. The calls they name, by provider ids
     * or by an echoed call id, are found and locked in one statement (not a round trip per report, which is what a
     * stream of reports for calls we never recorded cost); a call that a report of this batch changed is read again
     * for the reports after it.
     */
    public void applyAll(List<Delivered> batch) {
        var known = KnownCalls.lock(calls, batch);
        var changed = new HashSet<UUID>();
        var toKeep = new ArrayList<UnmatchedReports.Unmatched>();
        for (var delivered : batch) {
            var report = delivered.report();
            var found = match(report, known, changed);
            if (found.isEmpty()) {
                toKeep.add(new UnmatchedReports.Unmatched(delivered.eventId(), report,
                        "no attempt of ours has this provider id, and no echoed call id checks out"));
                count(report, "unmatched");
            } else if (apply(found.get(), report)) {
                changed.add(found.get().id());
            }
        }
        unmatched.keepAll(toKeep, clock.instant());
    }

    /** Whether the report changed the call. */
    private boolean apply(CallRecord call, CallReported report) {
        if (call.state().isFinal() && call.state() != CallState.NOT_PLACED) {
            count(report, "late");
            return false;
        }
        if (!ReportRules.settles(report)) {
            count(report, "noted");
            return false;
        }
        if (call.state() == CallState.NOT_PLACED || call.state() == CallState.REQUESTED) {
            // the provider says this call happened although we hold it as never sent: believe the provider, and say so
            log.error("Call {} is {} in our records but {} reported it ({}); recording the outcome",
                    call.id(), call.state().wireName(), report.provider(), report.kind());
        }
        var completed = outcomes.complete(call, report, DECIDED_BY_REPORT);
        count(report, completed ? "applied" : "late");
        return completed;
    }

    private Optional<CallRecord> match(CallReported report, KnownCalls known, Set<UUID> changed) {
        var byProviderIds = known.byProviderIds(report);
        if (byProviderIds.isPresent()) {
            // locked already; read again only if this batch changed it
            return changed.contains(byProviderIds.get().id()) ? calls.lock(byProviderIds.get().id()) : byProviderIds;
        }
        if (!changed.isEmpty()) {
            // a report of this batch may have given a call these provider ids (an echo-matched one records them)
            var recorded = calls.lockByProviderIds(report.providerCallId(), report.callSid());
            if (recorded.isPresent()) {
                return recorded;
            }
        }
        var echoed = ReportRules.echoedCallId(report)
                .flatMap(id -> changed.contains(id) ? calls.lock(id) : known.byId(id));
        return echoed.filter(call -> {
            var why = ReportRules.whyNotByEcho(call.facts(), report);
            why.ifPresent(reason -> log.warn("Report {} of {} names call {} but {}", report.kind(),
                    report.providerCallId(), call.id(), reason));
            return why.isEmpty();
        });
    }

    /** The calls a batch names by provider ids or echoed call ids, locked at its start. */
    private record KnownCalls(Map<String, CallRecord> byProviderCallId, Map<String, CallRecord> byCallSid,
                              Map<UUID, CallRecord> byId) {

        static KnownCalls lock(CallRecords calls, List<Delivered> batch) {
            var providerCallIds = new HashSet<String>();
            var callSids = new HashSet<String>();
            var echoedCallIds = new HashSet<UUID>();
            for (var delivered : batch) {
                providerCallIds.add(delivered.report().providerCallId());
                if (delivered.report().callSid() != null) {
                    callSids.add(delivered.report().callSid());
                }
                ReportRules.echoedCallId(delivered.report()).ifPresent(echoedCallIds::add);
            }
            var byProviderCallId = new HashMap<String, CallRecord>();
            var byCallSid = new HashMap<String, CallRecord>();
            var byId = new HashMap<UUID, CallRecord>();
            for (var call : calls.lockAll(providerCallIds, callSids, echoedCallIds)) {
                if (call.providerCallId() != null) {
                    byProviderCallId.putIfAbsent(call.providerCallId(), call);
                }
                if (call.callSid() != null) {
                    byCallSid.putIfAbsent(call.callSid(), call);
                }
                byId.put(call.id(), call);
            }
            return new KnownCalls(byProviderCallId, byCallSid, byId);
        }

        Optional<CallRecord> byId(UUID callId) {
            return Optional.ofNullable(byId.get(callId));
        }

        /** As {@link CallRecords#lockByProviderIds}: the conversation id first, then the call SID. */
        Optional<CallRecord> byProviderIds(CallReported report) {
            var byConversation = byProviderCallId.get(report.providerCallId());
            if (byConversation != null || report.callSid() == null) {
                return Optional.ofNullable(byConversation);
            }
            return Optional.ofNullable(byCallSid.get(report.callSid()));
        }
    }

    private void count(CallReported report, String result) {
        meters.counter("revos.dialer.provider.reports", "provider", report.provider(), "kind", report.kind(),
                "result", result).increment();
    }
}
