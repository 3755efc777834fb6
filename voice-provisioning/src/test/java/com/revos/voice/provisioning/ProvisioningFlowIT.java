package com.revos.voice.provisioning;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.EventSchemas;
import com.revos.voice.events.Topics;
import com.revos.voice.testsupport.KafkaProbe;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtEncoder;

@ProvisioningIntegrationTest
class ProvisioningFlowIT {

    private static KafkaProbe probe;

    @LocalServerPort
    int port;
    @Autowired
    JwtEncoder tokens;

    private Api api;

    @BeforeAll
    static void listen() {
        probe = KafkaProbe.on(Topics.PROVISIONING);
    }

    @AfterAll
    static void stopListening() {
        probe.close();
    }

    @BeforeEach
    void setUp() {
        api = new Api(port, tokens);
        ProviderStubs.reset();
    }

    @Test
    void a_tenant_deploys_a_template_gets_a_number_imports_it_and_attaches_the_agent() {
        var tenant = UUID.randomUUID();
        var member = api.member(tenant);
        var e164 = TestNumbers.e164("512");
        assertThat(api.post(api.operator(), "/v1/admin/phone-pool", """
                {"numbers": [{"e164": "%s", "twilio_sid": "%s"}]}""".formatted(e164, TestNumbers.sid())).status())
                .isEqualTo(201);

        var agent = api.post(member, "/v1/tenants/" + tenant + "/agents", """
                {"template_id": "sales-qualification", "name": "Acme SDR",
                 "overrides": {"first_message": "Hi {{contact_name}}, Acme here.", "language": "en"}}""");
        assertThat(agent.status()).as(agent.toString()).isEqualTo(201);
        assertThat(agent.text("$.name")).isEqualTo("Acme SDR");
        assertThat(agent.text("$.provider_agent_id")).startsWith("agent_");
        var agentId = agent.text("$.id");

        var number = api.post(member, "/v1/tenants/" + tenant + "/phone-numbers", """
                {"country": "US", "area_code": "512"}""");
        assertThat(number.status()).as(number.toString()).isEqualTo(201);
        assertThat(number.text("$.e164")).isEqualTo(e164);
        var numberId = number.text("$.id");

        var imported = api.post(member, "/v1/tenants/" + tenant + "/phone-numbers/" + numberId + "/import", null);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        var phoneNumberId = imported.text("$.provider_phone_number_id");
        assertThat(phoneNumberId).startsWith("phnum_");

        var attached = api.put(member, "/v1/tenants/" + tenant + "/phone-numbers/" + numberId + "/agent",
                "{\"agent_id\": \"" + agentId + "\"}");
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        assertThat(attached.text("$.agent_id")).isEqualTo(agentId);

        var elevenlabs = ProviderStubs.server();
        elevenlabs.verify(1, postRequestedFor(urlPathEqualTo("/v1/convai/agents/create"))
                .withHeader("xi-api-key", equalTo(ProviderStubs.ELEVENLABS_KEY))
                .withRequestBody(matchingJsonPath("$.conversation_config.agent.first_message",
                        equalTo("Hi {{contact_name}}, Acme here.")))
                .withRequestBody(matchingJsonPath("$.platform_settings.data_collection.qualified.type",
                        equalTo("boolean")))
                .withRequestBody(matchingJsonPath("$.platform_settings.data_collection.qualification_score.type",
                        equalTo("number")))
                .withRequestBody(matchingJsonPath("$.platform_settings.evaluation.criteria[0].conversation_goal_prompt"))
                .withRequestBody(matchingJsonPath(
                        "$.platform_settings.overrides.conversation_config_override.agent.prompt.prompt",
                        equalTo("true")))
                .withRequestBody(matchingJsonPath(
                        "$.platform_settings.overrides.conversation_config_override.tts.voice_id", equalTo("true"))));
        elevenlabs.verify(1, postRequestedFor(urlPathEqualTo("/v1/convai/phone-numbers"))
                .withRequestBody(matchingJsonPath("$.provider", equalTo("twilio")))
                .withRequestBody(matchingJsonPath("$.phone_number", equalTo(e164)))
                .withRequestBody(matchingJsonPath("$.sid", equalTo(ProviderStubs.ACCOUNT_SID)))
                .withRequestBody(matchingJsonPath("$.token", equalTo(ProviderStubs.TWILIO_TOKEN))));
        elevenlabs.verify(1, patchRequestedFor(urlPathEqualTo("/v1/convai/phone-numbers/" + phoneNumberId))
                .withRequestBody(equalToJson("{\"agent_id\": \"" + agent.text("$.provider_agent_id") + "\"}")));

        var events = awaitEvents(tenant, 4);
        assertThat(events).extracting(EventEnvelope::type).containsExactlyInAnyOrder(
                "revos.voice.agent.deployed.v1", "revos.voice.number.assigned.v1", "revos.voice.number.imported.v1",
                "revos.voice.number.agent_attached.v1");
        events.forEach(event -> {
            assertThat(EventSchemas.violations(event)).as(event.type()).isEmpty();
            assertThat(event.source()).isEqualTo("/revos/voice-provisioning");
        });
    }

    @Test
    void releasing_a_number_and_deleting_an_agent_remove_them_at_elevenlabs_and_announce_it() {
        var tenant = UUID.randomUUID();
        var member = api.member(tenant);
        api.post(api.operator(), "/v1/admin/phone-pool", """
                {"numbers": [{"e164": "%s", "twilio_sid": "%s"}]}""".formatted(TestNumbers.e164("617"),
                TestNumbers.sid()));
        var agent = api.post(member, "/v1/tenants/" + tenant + "/agents", "{\"template_id\": \"customer-survey\"}");
        var number = api.post(member, "/v1/tenants/" + tenant + "/phone-numbers", "{\"area_code\": \"617\"}");
        var numberId = number.text("$.id");
        var phoneNumberId = api.post(member, "/v1/tenants/" + tenant + "/phone-numbers/" + numberId + "/import",
                null).text("$.provider_phone_number_id");

        assertThat(api.delete(member, "/v1/tenants/" + tenant + "/phone-numbers/" + numberId).status())
                .isEqualTo(204);
        assertThat(api.delete(member, "/v1/tenants/" + tenant + "/agents/" + agent.text("$.id")).status())
                .isEqualTo(204);

        ProviderStubs.server().verify(deleteRequestedFor(urlPathEqualTo("/v1/convai/phone-numbers/" + phoneNumberId)));
        ProviderStubs.server().verify(deleteRequestedFor(urlPathMatching(
                "/v1/convai/agents/" + agent.text("$.provider_agent_id"))));
        assertThat(api.get(member, "/v1/tenants/" + tenant + "/phone-numbers").<Integer>json("$.total")).isZero();
        assertThat(api.get(member, "/v1/tenants/" + tenant + "/agents/" + agent.text("$.id")).status())
                .isEqualTo(404);
        var pool = api.get(api.operator(), "/v1/admin/phone-pool?status=free&limit=500");
        assertThat(pool.<List<String>>json("$.items[*].e164")).contains(number.text("$.e164"));

        var events = awaitEvents(tenant, 5);
        assertThat(events).extracting(EventEnvelope::type).contains("revos.voice.number.released.v1",
                "revos.voice.agent.deleted.v1");
        events.forEach(event -> assertThat(EventSchemas.violations(event)).as(event.type()).isEmpty());
    }

    @Test
    void a_retried_deploy_with_the_same_idempotency_key_deploys_once() {
        var tenant = UUID.randomUUID();
        var member = api.member(tenant);
        var body = "{\"template_id\": \"appointment-setting\"}";
        var first = api.post(member, "/v1/tenants/" + tenant + "/agents", body, "deploy-1");
        var again = api.post(member, "/v1/tenants/" + tenant + "/agents", body, "deploy-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text("$.id")).isEqualTo(first.text("$.id"));
        ProviderStubs.server().verify(1, postRequestedFor(urlPathEqualTo("/v1/convai/agents/create")));
        var agents = api.get(member, "/v1/tenants/" + tenant + "/agents");
        assertThat(agents.<List<String>>json("$.items[*].id")).containsExactly(first.text("$.id"));
        assertThat(agents.<Integer>json("$.limit")).isEqualTo(50);
        assertThat(agents.<Integer>json("$.total")).isEqualTo(1);
    }

    private static List<EventEnvelope> awaitEvents(UUID tenant, int count) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> probe.envelopes(event -> tenant.equals(event.tenantId())), events -> events.size() >= count);
    }
}
