package com.revos.voice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ElevenLabsWorkspaceIT extends SimulatorITSupport {

    static Map<String, Object> agentBody(String name) {
        return Map.of(
                "name", name,
                "tags", List.of("revos", "ref-1"),
                "conversation_config", Map.of(
                        "agent", Map.of("first_message", "Hi {{contact_name}}", "language", "en",
                                "prompt", Map.of("prompt", "You qualify leads.", "llm", "gpt-4o-mini",
                                        "temperature", 0.3)),
                        "tts", Map.of("voice_id", "voice-1"),
                        "conversation", Map.of("max_duration_seconds", 600)),
                "platform_settings", Map.of("call_limits", Map.of("agent_concurrency_limit", -1,
                        "daily_limit", 1000, "bursting_enabled", false)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void agent_create_get_update_list_delete_round_trip() {
        Reply created = elevenLabs("POST", "/v1/convai/agents/create", agentBody("Acme SDR"));
        assertThat(created.status()).isEqualTo(200);
        String agentId = (String) created.map().get("agent_id");
        assertThat(agentId).startsWith("agent_");
        assertThat(created.map()).containsOnlyKeys("agent_id");

        Map<String, Object> agent = elevenLabs("GET", "/v1/convai/agents/" + agentId, null).map();
        assertThat(agent).containsEntry("agent_id", agentId).containsEntry("name", "Acme SDR")
                .containsKeys("metadata", "platform_settings", "phone_numbers", "tags", "access_info");
        assertThat(at(agent, "conversation_config.tts.voice_id")).isEqualTo("voice-1");
        assertThat(at(agent, "metadata.created_at_unix_secs")).isInstanceOf(Number.class);

        Reply updated = elevenLabs("PATCH", "/v1/convai/agents/" + agentId, Map.of("name", "Acme SDR v2",
                "conversation_config", Map.of("tts", Map.of("voice_id", "voice-2")),
                "version_description", "new voice"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.map()).containsEntry("name", "Acme SDR v2").doesNotContainKey("version_description");
        assertThat(at(updated.map(), "conversation_config.tts.voice_id")).isEqualTo("voice-2");
        assertThat(at(updated.map(), "conversation_config.agent.language")).as("partial update keeps the rest")
                .isEqualTo("en");

        Map<String, Object> page = elevenLabs("GET", "/v1/convai/agents?search=acme&page_size=100", null).map();
        assertThat(page).containsEntry("has_more", false);
        assertThat((List<?>) page.get("agents")).extracting(a -> at(a, "agent_id")).contains(agentId);

        assertThat(elevenLabs("DELETE", "/v1/convai/agents/" + agentId, null).status()).isEqualTo(200);
        Reply gone = elevenLabs("GET", "/v1/convai/agents/" + agentId, null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(at(gone.map(), "detail.code")).isEqualTo("agent_not_found");
        assertThat((Map<String, Object>) gone.map().get("detail")).containsKeys("type", "message", "status", "request_id");
    }

    @Test
    void missing_api_key_is_rejected_with_the_documented_error_shape() {
        Reply reply = send("POST", "/v1/convai/agents/create", agentBody("No key"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(at(reply.map(), "detail.code")).isEqualTo("invalid_api_key");
        assertThat(at(reply.map(), "detail.status")).isEqualTo("invalid_api_key");
    }

    @Test
    void create_without_conversation_config_is_a_validation_error() {
        Reply reply = elevenLabs("POST", "/v1/convai/agents/create", Map.of("name", "Incomplete"));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.body()).contains("conversation_config");
        assertThat(elevenLabs("POST", "/v1/convai/agents/create", "not an object").status()).isEqualTo(422);
    }

    @Test
    void imported_number_gets_an_agent_assigned() {
        String agentId = (String) elevenLabs("POST", "/v1/convai/agents/create", agentBody("Line agent"))
                .map().get("agent_id");

        Reply imported = elevenLabs("POST", "/v1/convai/phone-numbers", Map.of("provider", "twilio",
                "phone_number", "+14155550123", "label", "Campaign line 1", "sid", "AC123", "token", "tok"));
        assertThat(imported.status()).isEqualTo(200);
        String phoneNumberId = (String) imported.map().get("phone_number_id");
        assertThat(phoneNumberId).startsWith("phnum_");

        Reply assigned = elevenLabs("PATCH", "/v1/convai/phone-numbers/" + phoneNumberId,
                Map.of("agent_id", agentId));
        assertThat(assigned.status()).isEqualTo(200);
        assertThat(at(assigned.map(), "assigned_agent.agent_id")).isEqualTo(agentId);
        assertThat(at(assigned.map(), "assigned_agent.agent_name")).isEqualTo("Line agent");
        assertThat(assigned.map()).containsEntry("provider", "twilio").containsEntry("phone_number", "+14155550123");

        assertThat(elevenLabs("GET", "/v1/convai/phone-numbers?provider=twilio", null).list())
                .extracting(n -> at(n, "phone_number_id")).contains(phoneNumberId);
        assertThat((List<?>) elevenLabs("GET", "/v1/convai/agents/" + agentId, null).map().get("phone_numbers"))
                .extracting(n -> at(n, "phone_number_id")).containsExactly(phoneNumberId);

        assertThat(elevenLabs("DELETE", "/v1/convai/phone-numbers/" + phoneNumberId, null).status()).isEqualTo(200);
        assertThat(elevenLabs("GET", "/v1/convai/phone-numbers/" + phoneNumberId, null).status()).isEqualTo(404);
    }
}
