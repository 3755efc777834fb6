package com.revos.voice.simulator.calls.application;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import com.revos.voice.simulator.calls.model.Admission;
import com.revos.voice.simulator.calls.model.CallOutcome;

/**
 * Resettable counts for {@code GET /simulator/calls}; every event is also forwarded to the (monotonic) metrics.
 */
public final class CallStats {

    private final SimulatorMetrics metrics;
    private final LongAdder placed = new LongAdder();
    private final LongAdder rejectedServerError = new LongAdder();
    private final LongAdder rejectedRateLimited = new LongAdder();
    private final LongAdder inProgress = new LongAdder();
    private final Map<CallOutcome, LongAdder> outcomes = new EnumMap<>(CallOutcome.class);
    private final LongAdder webhooksDelivered = new LongAdder();
    private final LongAdder webhookRetries = new LongAdder();
    private final LongAdder webhooksFailed = new LongAdder();

    public CallStats(SimulatorMetrics metrics) {
        this.metrics = metrics;
        for (CallOutcome outcome : CallOutcome.values()) {
            outcomes.put(outcome, new LongAdder());
        }
    }

    void placed() {
        placed.increment();
        inProgress.increment();
        metrics.callPlaced();
    }

    void rejected(Admission reason) {
        (reason == Admission.SERVER_ERROR ? rejectedServerError : rejectedRateLimited).increment();
        metrics.outboundRejected(reason);
    }

    void ended(CallOutcome outcome) {
        inProgress.decrement();
        outcomes.computeIfAbsent(outcome, unseen -> new LongAdder()).increment();
        metrics.outcome(outcome);
    }

    void webhookDelivered(String type) {
        webhooksDelivered.increment();
        metrics.webhookDelivered(type);
    }

    void webhookRetried(String type) {
        webhookRetries.increment();
        metrics.webhookRetried(type);
    }

    void webhookFailed(String type) {
        webhooksFailed.increment();
        metrics.webhookFailed(type);
    }

    public Snapshot snapshot() {
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        outcomes.forEach((outcome, count) -> byOutcome.put(outcome.wireName(), count.sum()));
        return new Snapshot(placed.sum(), inProgress.sum(), rejectedServerError.sum(), rejectedRateLimited.sum(),
                byOutcome, webhooksDelivered.sum(), webhookRetries.sum(), webhooksFailed.sum());
    }

    void reset() {
        placed.reset();
        inProgress.reset();
        rejectedServerError.reset();
        rejectedRateLimited.reset();
        outcomes.values().forEach(LongAdder::reset);
        webhooksDelivered.reset();
        webhookRetries.reset();
        webhooksFailed.reset();
    }

    public record Snapshot(long placed, long inProgress, long rejectedServerError, long rejectedRateLimited,
                           Map<String, Long> outcomes, long webhooksDelivered, long webhookRetries,
                           long webhooksFailed) {
    }
}
