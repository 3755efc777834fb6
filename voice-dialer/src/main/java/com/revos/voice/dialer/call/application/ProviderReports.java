package com.revos.voice.dialer.call.application;

import com.revos.voice.dialer.call.model.CallRecord;
import com.revos.voice.dialer.call.model.CallState;
import com.revos.voice.dialer.call.model.ReportRules;
import com.revos.voice.events.ProviderReport.CallReported;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies what providers report (topic {@code revos.voice.provider-reports.v1}) to our attempts, in the consumer's
 * transaction. The attempt is found by our own records ({@link ReportRules}); a report that matches none is kept in
 * {@code unmatched_reports} and counted, never turned into an outcome. A report on an attempt already final changes
 * nothing: the first report that settles an attempt decides it.
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

    public void apply(UUID eventId, CallReported report) {
        var found = match(report);
        if (found.isEmpty()) {
            keepUnmatched(eventId, report, "no attempt of ours has this provider id, and no echoed call id checks out");
            return;
        }
        var call = found.get();
        if (call.state().isFinal() && call.state() != CallState.NOT_PLACED) {
            count(report, "late");
            return;
        }
        if (!ReportRules.settles(report)) {
            count(report, "noted");
            return;
        }
        if (call.state() == CallState.NOT_PLACED || call.state() == CallState.REQUESTED) {
            // the provider says this call happened although we hold it as never sent: believe the provider, and say so
            log.error("Call {} is {} in our records but {} reported it ({}); recording the outcome",
                    call.id(), call.state().wireName(), report.provider(), report.kind());
        }
        count(report, outcomes.complete(call, report, DECIDED_BY_REPORT) ? "applied" : "late");
    }

    private Optional<CallRecord> match(CallReported report) {
        var byProviderIds = calls.lockByProviderIds(report.providerCallId(), report.callSid());
        if (byProviderIds.isPresent()) {
            return byProviderIds;
        }
        return ReportRules.echoedCallId(report).flatMap(calls::lock).filter(call -> {
            var why = ReportRules.whyNotByEcho(call.facts(), report);
            why.ifPresent(reason -> log.warn("Report {} of {} names call {} but {}", report.kind(),
                    report.providerCallId(), call.id(), reason));
            return why.isEmpty();
        });
    }

    private void keepUnmatched(UUID eventId, CallReported report, String reason) {
        unmatched.keep(eventId, report, reason, clock.instant());
        count(report, "unmatched");
    }

    private void count(CallReported report, String result) {
        meters.counter("revos.dialer.provider.reports", "provider", report.provider(), "kind", report.kind(),
                "result", result).increment();
    }
}
