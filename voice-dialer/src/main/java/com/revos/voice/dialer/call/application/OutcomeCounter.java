package com.revos.voice.dialer.call.application;

import com.revos.voice.dialer.common.application.Transactions;
import com.revos.voice.events.CallOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code revos.dialer.call.outcomes} by {@code outcome}: every dialed call counts once, with the first outcome
 * applied to it (the provider's or a reconciled one, or {@code failed} when the provider refused the call or the
 * reconciler gave up on it). No tenant or campaign tag: those would multiply the series; the API has the figures.
 */
public class OutcomeCounter {

    private final Map<CallOutcome, Counter> counters = new EnumMap<>(CallOutcome.class);
    private final Transactions transactions;

    public OutcomeCounter(MeterRegistry meters, Transactions transactions) {
        this.transactions = transactions;
        // every outcome from the start, so that rates read 0 rather than nothing until the first one
        for (var outcome : CallOutcome.values()) {
            counters.put(outcome, Counter.builder("revos.dialer.call.outcomes").tag("outcome", outcome.wireName())
                    .description("Calls by outcome, each call counted once").register(meters));
        }
    }

    /** In the transaction that applies the outcome: counted once it commits. */
    void applied(CallOutcome outcome) {
        var counter = Objects.requireNonNull(counters.get(outcome), "every outcome has its counter");
        transactions.afterCommit(counter::increment);
    }
}
