package com.revos.voice.simulator.calls.application;

import com.revos.voice.simulator.calls.model.Admission;

/** The answer of the outbound-call endpoint: a placed call, or a simulated provider error. */
public sealed interface Placement {

    record Placed(String conversationId, String callSid) implements Placement {
    }

    record Rejected(Admission reason) implements Placement {
    }
}
