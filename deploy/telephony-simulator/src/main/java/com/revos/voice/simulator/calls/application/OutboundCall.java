package com.revos.voice.simulator.calls.application;

import org.jspecify.annotations.Nullable;
import java.util.Map;

/**
 * A request to {@code POST /v1/convai/twilio/outbound-call}.
 *
 * @param clientData the {@code conversation_initiation_client_data} exactly as sent, echoed in the webhook
 */
public record OutboundCall(String agentId, String agentPhoneNumberId, String toNumber, Map<String, Object> clientData,
                           @Nullable Integer ringingTimeoutSecs) {
}
