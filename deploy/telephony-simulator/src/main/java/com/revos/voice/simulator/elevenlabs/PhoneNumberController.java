package com.revos.voice.simulator.elevenlabs;

import java.util.List;
import java.util.Map;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.revos.voice.simulator.ProviderErrors;

/** ElevenLabs phone numbers: import a Twilio number, assign an agent (provider-apis.md §2). */
@RestController
@RequestMapping("/v1/convai/phone-numbers")
class PhoneNumberController {

    private final PhoneNumberStore numbers;
    private final AgentStore agents;

    PhoneNumberController(PhoneNumberStore numbers, AgentStore agents) {
        this.numbers = numbers;
        this.agents = agents;
    }

    @PostMapping
    ResponseEntity<Object> importNumber(@RequestBody Map<String, Object> body) {
        if (body.get("provider") != null && !"twilio".equals(body.get("provider"))) {
            return ProviderErrors.elevenLabs(422, "validation_error", "unsupported_provider",
                    "The simulator imports Twilio numbers only", "invalid_request", "provider");
        }
        for (String required : List.of("phone_number", "label", "sid", "token")) {
            if (!(body.get(required) instanceof String value) || value.isBlank()) {
                return ProviderErrors.elevenLabsMissingField(required);
            }
        }
        String agentId = (String) body.get("agent_id");
        if (agentId != null && agents.find(agentId).isEmpty()) {
            return ProviderErrors.elevenLabsNotFound("agent", agentId, "agent_id");
        }
        var number = numbers.create(present(body, "phone_number"), present(body, "label"), present(body, "sid"),
                agentId);
        return ResponseEntity.ok(Map.of("phone_number_id", number.phoneNumberId()));
    }

    @GetMapping
    List<Map<String, Object>> list(@RequestParam(name = "agent_id", required = false) String agentId) {
        return numbers.list().stream()
                .filter(n -> agentId == null || agentId.equals(n.agentId()))
                .map(this::view)
                .toList();
    }

    @GetMapping("/{phoneNumberId}")
    ResponseEntity<Object> get(@PathVariable String phoneNumberId) {
        return numbers.find(phoneNumberId)
                .<ResponseEntity<Object>>map(n -> ResponseEntity.ok(view(n)))
                .orElseGet(() -> notFound(phoneNumberId));
    }

    /** Assigns an agent (and/or relabels); the response is the updated number, as the SDK's update returns. */
    @PatchMapping("/{phoneNumberId}")
    ResponseEntity<Object> update(@PathVariable String phoneNumberId, @RequestBody Map<String, Object> body) {
        String agentId = (String) body.get("agent_id");
        if (agentId != null && agents.find(agentId).isEmpty()) {
            return ProviderErrors.elevenLabsNotFound("agent", agentId, "agent_id");
        }
        return numbers.update(phoneNumberId, agentId, (String) body.get("label"))
                .<ResponseEntity<Object>>map(n -> ResponseEntity.ok(view(n)))
                .orElseGet(() -> notFound(phoneNumberId));
    }

    @DeleteMapping("/{phoneNumberId}")
    ResponseEntity<Object> delete(@PathVariable String phoneNumberId) {
        return numbers.delete(phoneNumberId) ? ResponseEntity.ok().build() : notFound(phoneNumberId);
    }

    private Map<String, Object> view(PhoneNumberStore.ImportedNumber n) {
        String agentName = n.agentId() == null ? null
                : agents.find(n.agentId()).map(a -> String.valueOf(a.get("name"))).orElse(null);
        return view(n, n.agentId(), agentName);
    }

    /** A field the request was checked to carry as text. */
    private static String present(Map<String, Object> body, String field) {
        return (String) Objects.requireNonNull(body.get(field), field);
    }

    static Map<String, Object> view(PhoneNumberStore.ImportedNumber n, @Nullable String agentId,
                                    @Nullable String agentName) {
        return JsonMaps.object(
                "phone_number", n.phoneNumber(),
                "label", n.label(),
                "supports_inbound", true,
                "supports_outbound", true,
                "phone_number_id", n.phoneNumberId(),
                "assigned_agent", agentId == null ? null : JsonMaps.object(
                        "agent_id", agentId, "agent_name", agentName, "environment", null, "branch_id", null),
                "provider", "twilio");
    }

    private static ResponseEntity<Object> notFound(String phoneNumberId) {
        return ProviderErrors.elevenLabsNotFound("phone_number", phoneNumberId, "phone_number_id");
    }
}
