package com.revos.voice.simulator.elevenlabs;

import java.util.List;
import java.util.Map;

import java.util.Objects;
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

/** ElevenLabs agents: create, get, list, update, delete (provider-apis.md §1). */
@RestController
@RequestMapping("/v1/convai/agents")
class AgentController {

    private final AgentStore agents;
    private final PhoneNumberStore numbers;

    AgentController(AgentStore agents, PhoneNumberStore numbers) {
        this.agents = agents;
        this.numbers = numbers;
    }

    @PostMapping("/create")
    ResponseEntity<Object> create(@RequestBody Map<String, Object> body) {
        if (!(body.get("conversation_config") instanceof Map<?, ?>)) {
            return ProviderErrors.elevenLabsMissingField("conversation_config");
        }
        return ResponseEntity.ok(Map.of("agent_id", agents.create(body)));
    }

    @GetMapping("/{agentId}")
    ResponseEntity<Object> get(@PathVariable String agentId) {
        return agents.find(agentId)
                .<ResponseEntity<Object>>map(agent -> ResponseEntity.ok(withPhoneNumbers(agent)))
                .orElseGet(() -> notFound(agentId));
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(name = "page_size", defaultValue = "30") int pageSize,
                             @RequestParam(required = false) String search,
                             @RequestParam(required = false) String cursor) {
        List<Map<String, Object>> all = agents.list(search);
        int from = cursor == null || cursor.isBlank() ? 0 : Math.min(Integer.parseInt(cursor), all.size());
        int to = Math.min(all.size(), from + Math.max(1, Math.min(pageSize, 100)));
        List<Map<String, Object>> page = all.subList(from, to).stream()
                .map(a -> JsonMaps.object(
                        "agent_id", a.get("agent_id"),
                        "name", a.get("name"),
                        "tags", a.get("tags"),
                        "created_at_unix_secs", AgentStore.createdAt(a),
                        "access_info", a.get("access_info"),
                        "last_call_time_unix_secs", null,
                        "archived", false))
                .toList();
        boolean hasMore = to < all.size();
        return JsonMaps.object("agents", page, "next_cursor", hasMore ? String.valueOf(to) : null,
                "has_more", hasMore);
    }

    @PatchMapping("/{agentId}")
    ResponseEntity<Object> update(@PathVariable String agentId, @RequestBody Map<String, Object> patch) {
        return agents.update(agentId, patch)
                .<ResponseEntity<Object>>map(agent -> ResponseEntity.ok(withPhoneNumbers(agent)))
                .orElseGet(() -> notFound(agentId));
    }

    /** The SDK expects no body. */
    @DeleteMapping("/{agentId}")
    ResponseEntity<Object> delete(@PathVariable String agentId) {
        return agents.delete(agentId) ? ResponseEntity.ok().build() : notFound(agentId);
    }

    private Map<String, Object> withPhoneNumbers(Map<String, Object> agent) {
        // the store keys every agent by the agent_id it gave it
        String agentId = (String) Objects.requireNonNull(agent.get("agent_id"), "agent_id");
        agent.put("phone_numbers", numbers.assignedTo(agentId).stream()

                .map(n -> PhoneNumberController.view(n, agentId, (String) agent.get("name")))
                .toList());
        return agent;
    }

    private static ResponseEntity<Object> notFound(String agentId) {
        return ProviderErrors.elevenLabsNotFound("agent", agentId, "agent_id");
    }
}
