package com.revos.voice.dialer.call.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One call attempt: who calls whom with what, who owns it, and our ids for tying the outcome back. */
public record Attempt(UUID callId, UUID tenantId, @Nullable UUID campaignId, @Nullable UUID contactId, int attempt,
                      UUID agentId, UUID phoneNumberId, String fromNumber, String toNumber, String providerAgentId,
                      String providerPhoneNumberId, @Nullable Map<String, Object> variables,
                      @Nullable Integer localHour, Owner owner) {

    /** The dynamic variable names the dialer sets itself; a caller's variables may not use them. */
    public static final Set<String> RESERVED_VARIABLES = Set.of("call_id", "tenant_id", "campaign_id", "contact_id",
            "attempt");

    /**
     * The provider request. Only our call id and attempt travel: the dialer ties a report back by its own records,
     * and a tenant's variables can never shadow the reserved names (they are dropped here as well as refused at
     * the API).
     */
    public PlaceCall toPlaceCall() {
        var dynamic = new LinkedHashMap<String, Object>();
        if (variables != null) {
            variables.forEach((name, value) -> {
                if (!RESERVED_VARIABLES.contains(name)) {
                    dynamic.put(name, value);
                }
            });
        }
        dynamic.put("call_id", callId.toString());
        dynamic.put("attempt", attempt);
        return new PlaceCall(callId, providerAgentId, providerPhoneNumberId, toNumber, dynamic, SendGate.OPEN);
    }
}
