package com.revos.voice.provisioning.provider.application;

import java.util.Map;

/** An outbound call to place: which agent, from which imported number, to whom, with per-call variables. */
public record OutboundCall(String providerAgentId, String providerPhoneNumberId, String toNumber,
                           Map<String, Object> dynamicVariables) {

    public OutboundCall {
        dynamicVariables = Map.copyOf(dynamicVariables);
    }
}
