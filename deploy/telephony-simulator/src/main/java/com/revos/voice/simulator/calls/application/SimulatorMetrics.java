package com.revos.voice.simulator.calls.application;

import com.revos.voice.simulator.calls.model.Admission;
import com.revos.voice.simulator.calls.model.CallOutcome;

/** Monotonic metrics for Prometheus (they survive {@code /simulator/reset}, as counters should). */
public interface SimulatorMetrics {

    void callPlaced();

    void outboundRejected(Admission reason);

    void outcome(CallOutcome outcome);

    void webhookDelivered(String type);

    void webhookRetried(String type);

    void webhookFailed(String type);
}
