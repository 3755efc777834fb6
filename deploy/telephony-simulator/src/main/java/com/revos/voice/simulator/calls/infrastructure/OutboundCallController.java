package com.revos.voice.simulator.calls.infrastructure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.revos.voice.simulator.ProviderErrors;
import com.revos.voice.simulator.calls.application.CallSimulator;
import com.revos.voice.simulator.calls.application.OutboundCall;
import com.revos.voice.simulator.calls.application.Placement;
import com.revos.voice.simulator.calls.application.ProviderArrivals;
import com.revos.voice.simulator.calls.model.Admission;

/** ElevenLabs' outbound call via Twilio (provider-apis.md §3) and conversation details (§7). */
@RestController
class OutboundCallController {

    private final CallSimulator simulator;

    OutboundCallController(CallSimulator simulator) {
        this.simulator = simulator;
    }

    /** Answered asynchronously: the simulated API latency is a timer, not a sleeping request thread. */
    @PostMapping("/v1/convai/twilio/outbound-call")
    CompletableFuture<ResponseEntity<Object>> outboundCall(@RequestBody OutboundCallRequest request,
            @RequestAttribute(name = ArrivalStampValve.STAMP, required = false)
            ProviderArrivals.@Nullable Stamp arrival) {
        String missing = request.agentId() == null || request.agentId().isBlank() ? "agent_id"
                : request.agentPhoneNumberId() == null || request.agentPhoneNumberId().isBlank()
                        ? "agent_phone_number_id"
                        : request.toNumber() == null || request.toNumber().isBlank() ? "to_number" : null;
        if (missing != null) {
            return CompletableFuture.completedFuture(ProviderErrors.elevenLabsMissingField(missing));
        }
        Map<String, Object> clientData = request.conversationInitiationClientData() == null
                ? new LinkedHashMap<>() : request.conversationInitiationClientData();
        Integer ringingTimeout = request.telephonyCallConfig() == null ? null
                : request.telephonyCallConfig().ringingTimeoutSecs();
        OutboundCall call = new OutboundCall(request.agentId(), request.agentPhoneNumberId(), request.toNumber(),
                clientData, ringingTimeout);
        var placed = arrival == null ? simulator.place(call) : simulator.place(call, arrival);
        return placed.thenApply(OutboundCallController::toResponse);
    }

    /** The conversation list (provider-apis.md section 7), filtered by agent and start time; one page. */
    @GetMapping("/v1/convai/conversations")
    Map<String, Object> conversations(@org.springframework.web.bind.annotation.RequestParam(name = "agent_id",
                                              required = false) String agentId,
                                      @org.springframework.web.bind.annotation.RequestParam(
                                              name = "call_start_after_unix", defaultValue = "0") long after,
                                      @org.springframework.web.bind.annotation.RequestParam(name = "page_size",
                                              defaultValue = "30") int pageSize) {
        var page = simulator.conversations(agentId, after, Math.clamp(pageSize, 1, 100));
        var result = new LinkedHashMap<String, Object>();
        result.put("conversations", page);
        result.put("has_more", false);
        result.put("next_cursor", null);
        return result;
    }

    @GetMapping("/v1/convai/conversations/{conversationId}")
    ResponseEntity<Object> conversation(@PathVariable String conversationId) {
        return simulator.conversation(conversationId)
                .<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> ProviderErrors.elevenLabsNotFound("conversation", conversationId, "conversation_id"));
    }

    private static ResponseEntity<Object> toResponse(Placement placement) {
        return switch (placement) {
            case Placement.Placed placed -> ResponseEntity.ok(new OutboundCallResponse(true,
                    "Success", placed.conversationId(), placed.callSid()));
            case Placement.Rejected rejected when rejected.reason() == Admission.RATE_LIMITED
                    || rejected.reason() == Admission.CONCURRENCY_FULL ->
                    ProviderErrors.elevenLabs(429, "rate_limit_error", "concurrent_limit_exceeded",
                            "Too many concurrent calls for this workspace", "too_many_concurrent_requests", null);
            case Placement.Rejected rejected when rejected.reason() == Admission.INVALID_API_KEY ->
                    ProviderErrors.elevenLabs(401, "authentication_error", "invalid_api_key",
                            "Invalid API key", "invalid_api_key", null);
            case Placement.Rejected rejected when rejected.reason() == Admission.QUOTA_EXCEEDED ->
                    ProviderErrors.elevenLabs(401, "authorization_error", "quota_exceeded",
                            "This request exceeds your quota. You have 0 credits remaining", "quota_exceeded", null);
            case Placement.Rejected rejected -> ProviderErrors.elevenLabs(500, "internal_error",
                    "internal_server_error", "Simulated provider failure", "internal_server_error", null);
        };
    }

    record OutboundCallRequest(String agentId, String agentPhoneNumberId, String toNumber,
                               Map<String, Object> conversationInitiationClientData,
                               Boolean callRecordingEnabled, TelephonyCallConfig telephonyCallConfig) {
    }

    record TelephonyCallConfig(Integer ringingTimeoutSecs, Boolean twilioCallRecordingEnabled) {
    }

    /** {@code callSid} is camelCase on the wire, unlike every other field. */
    record OutboundCallResponse(boolean success, String message, String conversationId,
                                @JsonProperty("callSid") String callSid) {
    }
}
