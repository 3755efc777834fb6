package com.revos.voice.dialer.call.infrastructure;

import com.revos.voice.dialer.DialerProperties;
import com.revos.voice.dialer.call.application.CallProvider;
import com.revos.voice.dialer.call.model.CallState;
import com.revos.voice.dialer.call.model.ConversationStatus;
import com.revos.voice.events.CallEvent.CallCompleted;
import com.revos.voice.events.CallOutcome;
import com.revos.voice.plumbing.outbox.OutboxWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Calls whose outcome never came. {@code requested} rows a crash left are marked {@code unknown} (treated as
 * dialed, never re-sent); once the outcome timeout passes, initiated calls are looked up at the provider
 * ({@code GET /v1/convai/conversations/{id}}) and their outcome applied and published as {@code CallCompleted};
 * unknown ones that stay silent count as failed attempts.
 */
public class Reconciler {

    private final CallStore calls;
    private final CallOutcomes outcomes;
    private final CallProvider provider;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final DialerProperties.Dispatch settings;

    Reconciler(CallStore calls, CallOutcomes outcomes, CallProvider provider, OutboxWriter outbox,
               TransactionTemplate transactions, Clock clock, DialerProperties.Dispatch settings) {
        this.calls = calls;
        this.outcomes = outcomes;
        this.provider = provider;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${revos.dialer.dispatch.reconcile-every:30s}")
    public void reconcile() {
        var now = clock.instant();
        calls.markStaleRequestsUnknown(now.minus(settings.staleRequestAfter()), now.plus(settings.outcomeTimeout()));
        List<CallStore.CallRow> overdue;
        do {
            overdue = calls.overdue(clock.instant(), 100);
            overdue.forEach(this::reconcile);
        } while (overdue.size() == 100);
    }

    private void reconcile(CallStore.CallRow call) {
        var status = call.providerCallId() == null ? java.util.Optional.<ConversationStatus>empty()
                : provider.conversation(call.providerCallId());
        transactions.executeWithoutResult(tx -> {
            if (status.isPresent() && status.get().terminal()) {
                var event = completed(call, status.get());
                outbox.record(event);
                outcomes.apply(event);
            } else if (CallState.UNKNOWN.equals(call.state())) {
                outcomes.giveUp(call, "no answer from the provider before a restart; treated as dialed");
            } else {
                calls.reconcileLater(call.id(), clock.instant().plus(settings.reconcileEvery()));
            }
        });
    }

    private CallCompleted completed(CallStore.CallRow call, ConversationStatus status) {
        var duration = status.durationSecs() == null ? 0 : status.durationSecs();
        var outcome = "failed".equals(status.status()) ? CallOutcome.FAILED
                : duration > 0 ? CallOutcome.CONNECTED : CallOutcome.NO_ANSWER;
        return new CallCompleted(call.id(), call.campaignId(), call.tenantId(), call.contactId(), call.attempt(),
                "elevenlabs", call.providerCallId(), call.toNumber(), call.initiatedAt(), duration, outcome,
                status.callSuccessful(), null, status.cost(), status.terminationReason(), Map.of(), true, null,
                List.of("reconciliation"));
    }
}
