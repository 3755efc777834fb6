package com.revos.voice.dialer.call.model;

import java.util.Map;
import java.util.UUID;

/** One call to place: the provider's agent and number ids, and the variables the agent (and webhook) will see. */
public record PlaceCall(UUID callId, String providerAgentId, String providerPhoneNumberId, String toNumber,
                        Map<String, Object> dynamicVariables, SendGate gate) {

    public PlaceCall {
        gate = gate == null ? SendGate.OPEN : gate;
    }

    public PlaceCall through(SendGate sendGate) {
        return new PlaceCall(callId, providerAgentId, providerPhoneNumberId, toNumber, dynamicVariables, sendGate);
    }
}
