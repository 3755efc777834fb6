package com.revos.voice.optimizer.campaign.infrastructure;

import com.revos.voice.optimizer.campaign.application.DecisionLog;
import com.revos.voice.optimizer.campaign.model.Decision;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.UUID;

/**
 * Counts what the optimizer decides, by rule and action ({@code revos.optimizer.decisions}), and the dialer's
 * confirmations ({@code revos.optimizer.confirmations}), for the optimizer dashboard and the stop-loss alert. Only
 * what the delegate newly recorded counts: Kafka Streams reprocesses events after a crash or rebalance, and a
 * replayed decision must not page anyone twice.
 */
class MeteredDecisionLog implements DecisionLog {

    private final DecisionLog delegate;
    private final MeterRegistry meters;

    MeteredDecisionLog(DecisionLog delegate, MeterRegistry meters) {
        this.delegate = delegate;
        this.meters = meters;
    }

    @Override
    public boolean record(Decision decision, UUID triggerEventId, double[] hourlyConnectRates) {
        var recorded = delegate.record(decision, triggerEventId, hourlyConnectRates);
        if (recorded) {
            meters.counter("revos.optimizer.decisions", "rule", decision.rule().name().toLowerCase(Locale.ROOT),
                    "action", decision.action().name()).increment();
        }
        return recorded;
    }

    @Override
    public boolean confirm(Confirmation confirmation) {
        var confirmed = delegate.confirm(confirmation);
        if (confirmed) {
            meters.counter("revos.optimizer.confirmations", "type", confirmation.eventType()).increment();
        }
        return confirmed;
    }
}
