package com.revos.voice.simulator.elevenlabs;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.revos.voice.simulator.Ids;

/** The simulated workspace's agents, in memory (the simulator forgets everything on restart, as intended). */
@Component
class AgentStore {

    private final Map<String, Map<String, Object>> agents = new ConcurrentHashMap<>();
    private final InstantSource clock = InstantSource.system();

    String create(Map<String, Object> body) {
        String agentId = Ids.of("agent_", 26);
        long now = clock.instant().getEpochSecond();
        Map<String, Object> agent = JsonMaps.object(
                "agent_id", agentId,
                "name", body.getOrDefault("name", ""),
                "conversation_config", body.get("conversation_config"),
                "metadata", JsonMaps.object("created_at_unix_secs", now, "updated_at_unix_secs", now),
                "platform_settings", body.getOrDefault("platform_settings", Map.of()),
                "workflow", body.get("workflow"),
                "tags", body.getOrDefault("tags", List.of()),
                "version_id", null,
                "branch_id", null,
                "main_branch_id", null,
                "access_info", JsonMaps.object("is_creator", true, "creator_name", "simulator",
                        "creator_email", "simulator@localhost", "role", "admin"));
        agents.put(agentId, JsonMaps.deepCopy(agent));
        return agentId;
    }

    Optional<Map<String, Object>> find(String agentId) {
        return Optional.ofNullable(agents.get(agentId)).map(JsonMaps::deepCopy);
    }

    /** Applies a partial update; {@code version_description} is accepted and dropped, as it describes the change. */
    Optional<Map<String, Object>> update(String agentId, Map<String, Object> patch) {
        Map<String, Object> change = JsonMaps.deepCopy(patch);
        change.remove("version_description");
        change.remove("agent_id");
        change.remove("metadata");
        Map<String, Object> updated = agents.computeIfPresent(agentId, (id, agent) -> {
            Map<String, Object> merged = JsonMaps.merge(agent, change);
            @SuppressWarnings("unchecked")
            Map<String, Object> metadata = (Map<String, Object>) metadata(merged);
            metadata.put("updated_at_unix_secs", clock.instant().getEpochSecond());
            return merged;
        });
        return Optional.ofNullable(updated).map(JsonMaps::deepCopy);
    }

    boolean delete(String agentId) {
        return agents.remove(agentId) != null;
    }

    /** Oldest first, so that a cursor (the offset) stays stable while agents are added. */
    List<Map<String, Object>> list(String search) {
        List<Map<String, Object>> all = new ArrayList<>(agents.values());
        all.sort(Comparator.comparingLong(AgentStore::createdAt).thenComparing(a -> (String) a.get("agent_id")));
        if (search == null || search.isBlank()) {
            return all;
        }
        String needle = search.toLowerCase(java.util.Locale.ROOT);
        return all.stream()
                .filter(a -> String.valueOf(a.get("name")).toLowerCase(java.util.Locale.ROOT).contains(needle))
                .toList();
    }

    static long createdAt(Map<String, Object> agent) {
        return ((Number) Objects.requireNonNull(metadata(agent).get("created_at_unix_secs"), "created_at_unix_secs"))
                .longValue();
    }

    /** Every stored agent has the metadata that create() gave it: an update may not replace it. */
    private static Map<?, ?> metadata(Map<String, Object> agent) {
        return (Map<?, ?>) Objects.requireNonNull(agent.get("metadata"), "metadata");
    }
}
