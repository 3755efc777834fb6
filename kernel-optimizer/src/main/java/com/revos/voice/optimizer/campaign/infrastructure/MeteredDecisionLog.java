package com.revos.voice.optimizer.campaign.infrastructure;

import com.revos.voice.optimizer.campaign.application.DecisionLog;
import com.revos.voice.optimizer.campaign.model.Decision;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.UUID;

/**
 * Counts what the optimizer decides, by rule and action ({@code revos.optimizer.decisions}), and the dialer's
 * confirmations ({@code revos.optimizer.confirmations}), for the optimizer dashboard and the stop-loss alert.
 */
class MeteredDecisionLog implements DecisionLog {

    private final DecisionLog delegate;
    private final MeterRegistry meters;

    MeteredDecisionLog(DecisionLog delegate, MeterRegistry meters) {
        this.delegate = delegate;
        this.meters = meters;
    }

    @Override
    public void record(Decision decision, UUID triggerEventId, double[] hourlyConnectRates) {
        delegate.record(decision, triggerEventId, hourlyConnectRates);
        meters.counter("revos.optimizer.decisions", "rule", decision.rule().name().toLowerCase(Locale.ROOT),
                "action", decision.action().name()).increment();
    }

    @Override
    public void confirm(Confirmation confirmation) {
        delegate.confirm(confirmation);
        meters.counter("revos.optimizer.confirmations", "type", confirmation.eventType()).increment();
    }
}
