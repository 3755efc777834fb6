package com.revos.voice.dialer.call.infrastructure;

import com.revos.voice.dialer.call.model.PlaceCall;
import com.revos.voice.dialer.call.model.SendGate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** One call attempt: who calls whom with what, and our ids for tying the outcome back. */
public record Attempt(UUID callId, UUID tenantId, UUID campaignId, UUID contactId, int attempt, UUID agentId,
                      UUID phoneNumberId, String toNumber, String providerAgentId, String providerPhoneNumberId,
                      Map<String, Object> variables) {

    /** The provider request; our correlation ids win over any caller-supplied variable of the same name. */
    public PlaceCall toPlaceCall() {
        return toPlaceCall(SendGate.OPEN);
    }

    public PlaceCall toPlaceCall(SendGate gate) {
        var dynamic = new LinkedHashMap<String, Object>(variables == null ? Map.of() : variables);
        dynamic.put("call_id", callId.toString());
        dynamic.put("tenant_id", tenantId.toString());
        dynamic.put("attempt", attempt);
        if (campaignId != null) {
            dynamic.put("campaign_id", campaignId.toString());
        }
        if (contactId != null) {
            dynamic.put("contact_id", contactId.toString());
        }
        return new PlaceCall(callId, providerAgentId, providerPhoneNumberId, toNumber, dynamic, gate);
    }
}
