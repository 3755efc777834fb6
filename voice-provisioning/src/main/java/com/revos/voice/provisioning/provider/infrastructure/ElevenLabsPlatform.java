package com.revos.voice.provisioning.provider.infrastructure;

import com.revos.voice.provisioning.provider.application.AgentSpec;
import com.revos.voice.provisioning.provider.application.NumberImport;
import com.revos.voice.provisioning.provider.application.ProviderException;
import com.revos.voice.provisioning.provider.application.VoiceAgentPlatform;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/** ElevenLabs Agents over HTTP (provider-apis.md sections 1, 2, 3, 7), every call resilient. */
final class ElevenLabsPlatform implements VoiceAgentPlatform {

    static final String PROVIDER = "ElevenLabs";

    private final RestClient http;
    private final ResilientCalls calls;
    private final ProviderErrors errors;
    private final ProviderProperties.Twilio twilio;

    ElevenLabsPlatform(RestClient http, ResilientCalls calls, ProviderErrors errors, ProviderProperties.Twilio twilio) {
        this.http = http;
        this.calls = calls;
        this.errors = errors;
        this.twilio = twilio;
    }

    @Override
    public String createAgent(AgentSpec spec) {
        return calls.create(() -> findAgent(spec), () -> exchange("create agent", () -> http.post()
                .uri("/v1/convai/agents/create").contentType(MediaType.APPLICATION_JSON).body(agentBody(spec))
                .retrieve().body(AgentCreated.class)).agentId());
    }

    @Override
    public void updateAgent(String providerAgentId, AgentSpec spec) {
        calls.run(() -> exchange("update agent", () -> http.patch().uri("/v1/convai/agents/{id}", providerAgentId)
                .contentType(MediaType.APPLICATION_JSON).body(agentBody(spec)).retrieve().toBodilessEntity()));
    }

    @Override
    public void deleteAgent(String providerAgentId) {
        calls.run(() -> ignoringNotFound(() -> http.delete().uri("/v1/convai/agents/{id}", providerAgentId)
                .retrieve().toBodilessEntity()));
    }

    @Override
    public String importNumber(NumberImport number) {
        var body = new LinkedHashMap<String, Object>();
        body.put("provider", "twilio");
        body.put("phone_number", number.e164());
        body.put("label", number.label());
        body.put("sid", twilio.accountSid());
        body.put("token", twilio.authToken());
        return calls.create(() -> findNumber(number.e164()), () -> exchange("import number", () -> http.post()
                .uri("/v1/convai/phone-numbers").contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .body(NumberImported.class)).phoneNumberId());
    }

    @Override
    public void deleteNumber(String providerPhoneNumberId) {
        calls.run(() -> ignoringNotFound(() -> http.delete()
                .uri("/v1/convai/phone-numbers/{id}", providerPhoneNumberId).retrieve().toBodilessEntity()));
    }

    @Override
    public void attachAgent(String providerPhoneNumberId, String providerAgentId) {
        calls.run(() -> exchange("attach agent", () -> http.patch()
                .uri("/v1/convai/phone-numbers/{id}", providerPhoneNumberId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("agent_id", providerAgentId)).retrieve().toBodilessEntity()));
    }

    /** An agent an earlier attempt created: searched by name, recognized by our reference tag. */
    private Optional<String> findAgent(AgentSpec spec) {
        var page = exchange("list agents", () -> http.get()
                .uri(uri -> uri.path("/v1/convai/agents").queryParam("search", spec.name())
                        .queryParam("page_size", 100).build())
                .retrieve().body(AgentPage.class));
        return page == null || page.agents() == null ? Optional.empty() : page.agents().stream()
                .filter(agent -> agent.tags() != null && agent.tags().contains(spec.reference()))
                .map(AgentSummary::agentId).findFirst();
    }

    private Optional<String> findNumber(String e164) {
        var numbers = exchange("list phone numbers", () -> http.get()
                .uri(uri -> uri.path("/v1/convai/phone-numbers").queryParam("provider", "twilio").build())
                .retrieve().body(ImportedNumber[].class));
        return numbers == null ? Optional.empty() : java.util.Arrays.stream(numbers)
                .filter(number -> e164.equals(number.phoneNumber())).map(ImportedNumber::phoneNumberId).findFirst();
    }

    /** The create body of provider-apis.md section 1, with the per-call override permissions the dialer needs. */
    static Map<String, Object> agentBody(AgentSpec spec) {
        var prompt = Map.of("prompt", spec.prompt(), "llm", spec.llm(), "temperature", 0.3);
        var agent = Map.of("first_message", spec.firstMessage(), "language", spec.language(), "prompt", prompt,
                "dynamic_variables", Map.of("dynamic_variable_placeholders", Map.of("contact_name", "there",
                        "call_id", "", "campaign_id", "", "tenant_id", "", "contact_id", "")));
        var conversation = Map.of("agent", agent, "tts", Map.of("voice_id", spec.voiceId()),
                "conversation", Map.of("max_duration_seconds", 600));
        var overrides = Map.of("conversation_config_override", Map.of(
                "agent", Map.of("first_message", true, "language", true, "prompt", Map.of("prompt", true)),
                "tts", Map.of("voice_id", true)));
        var dataCollection = new LinkedHashMap<String, Object>();
        spec.dataCollection().forEach(field -> dataCollection.put(field.id(),
                Map.of("type", field.type(), "description", field.description())));
        var criteria = spec.evaluationCriteria().stream().map(criterion -> Map.of("id", criterion.id(),
                "name", criterion.name(), "conversation_goal_prompt", criterion.conversationGoalPrompt())).toList();
        var platform = Map.of("overrides", overrides,
                "call_limits", Map.of("agent_concurrency_limit", -1, "daily_limit", 1000, "bursting_enabled", false),
                "data_collection", dataCollection,
                "evaluation", Map.of("criteria", criteria));
        var body = new LinkedHashMap<String, Object>();
        body.put("name", spec.name());
        body.put("tags", List.of("revos", spec.reference()));
        body.put("conversation_config", conversation);
        body.put("platform_settings", platform);
        return body;
    }

    private void ignoringNotFound(Runnable call) {
        try {
            exchange("delete", () -> {
                call.run();
                return null;
            });
        } catch (ProviderException e) {
            if (e.providerStatus() != 404) {
                throw e;
            }
        }
    }

    private <T> T exchange(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (RestClientResponseException e) {
            var error = readError(e);
            var codeAndMessage = ProviderErrors.codeAndMessage(error == null ? null : error.detail());
            throw errors.status(e.getStatusCode().value(), codeAndMessage[0], codeAndMessage[1],
                    ProviderErrors.retryAfter(e.getResponseHeaders() == null ? null
                            : e.getResponseHeaders().getFirst("Retry-After")));
        } catch (ResourceAccessException e) {
            throw errors.noAnswer(what, e.getCause() == null ? e : e.getCause());
        }
    }

    private static @Nullable ErrorBody readError(RestClientResponseException e) {
        try {
            return e.getResponseBodyAs(ErrorBody.class);
        } catch (RuntimeException unreadable) {
            return new ErrorBody(e.getResponseBodyAsString());
        }
    }

    record ErrorBody(Object detail) {
    }

    record AgentCreated(String agentId) {
    }

    record AgentSummary(String agentId, String name, List<String> tags) {
    }

    record AgentPage(List<AgentSummary> agents, Boolean hasMore, String nextCursor) {
    }

    record NumberImported(String phoneNumberId) {
    }

    record ImportedNumber(String phoneNumber, String phoneNumberId, String label) {
    }
}
