package com.revos.voice.simulator.calls.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;

import com.revos.voice.simulator.calls.application.SimulatorMetrics;
import com.revos.voice.simulator.calls.model.Admission;
import com.revos.voice.simulator.calls.model.CallOutcome;

/** Exposed on {@code /actuator/prometheus} as {@code simulator_calls_*} and {@code simulator_webhooks_*}. */
final class MicrometerSimulatorMetrics implements SimulatorMetrics {

    private final MeterRegistry registry;

    MicrometerSimulatorMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (CallOutcome outcome : CallOutcome.values()) {
            registry.counter("simulator.calls.outcomes", "outcome", outcome.wireName());
        }
        registry.counter("simulator.calls.placed");
    }

    @Override
    public void callPlaced() {
        registry.counter("simulator.calls.placed").increment();
    }

    @Override
    public void outboundRejected(Admission reason) {
        registry.counter("simulator.calls.rejected", "reason", reason.name().toLowerCase(java.util.Locale.ROOT))
                .increment();
    }

    @Override
    public void outcome(CallOutcome outcome) {
        registry.counter("simulator.calls.outcomes", "outcome", outcome.wireName()).increment();
    }

    @Override
    public void webhookDelivered(String type) {
        registry.counter("simulator.webhooks.delivered", "type", type).increment();
    }

    @Override
    public void webhookRetried(String type) {
        registry.counter("simulator.webhooks.retries", "type", type).increment();
    }

    @Override
    public void webhookFailed(String type) {
        registry.counter("simulator.webhooks.failed", "type", type).increment();
    }
}
