package com.revos.voice.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtEncoder;

/** Bad input is refused with 400 problem+json that names each field and why, before any provider is called. */
@ProvisioningIntegrationTest
class BadInputIT {

    @LocalServerPort
    int port;
    @Autowired
    JwtEncoder tokens;

    private Api api;
    private UUID tenant;
    private String member;

    @BeforeEach
    void setUp() {
        api = new Api(port, tokens);
        ProviderStubs.reset();
        tenant = UUID.randomUUID();
        member = api.member(tenant);
    }

    @Test
    void malformed_pool_numbers_are_named_by_position() {
        var response = api.post(api.operator(), "/v1/admin/phone-pool", """
                {"numbers": [{"e164": "4155550123", "twilio_sid": "%s"},
                             {"e164": "+1415555", "twilio_sid": "%s"},
                             {"e164": "+19995550123", "twilio_sid": "%s"},
                             {"e164": "%s", "twilio_sid": "PN123"}]}""".formatted(TestNumbers.sid(),
                TestNumbers.sid(), TestNumbers.sid(), TestNumbers.e164("212")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.<List<String>>json("$.errors[*].field")).containsExactly(
                "numbers[0].e164", "numbers[1].e164", "numbers[2].e164", "numbers[3].twilio_sid");
        assertThat(response.<List<String>>json("$.errors[*].reason")).allSatisfy(reason ->
                assertThat(reason).isNotBlank());
    }

    @Test
    void a_number_already_in_the_pool_is_refused() {
        var e164 = TestNumbers.e164("212");
        var body = "{\"numbers\": [{\"e164\": \"" + e164 + "\", \"twilio_sid\": \"" + TestNumbers.sid() + "\"}]}";
        assertThat(api.post(api.operator(), "/v1/admin/phone-pool", body).status()).isEqualTo(201);

        var again = api.post(api.operator(), "/v1/admin/phone-pool",
                "{\"numbers\": [{\"e164\": \"" + e164 + "\", \"twilio_sid\": \"" + TestNumbers.sid() + "\"}]}");

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.text("$.errors[0].reason")).isEqualTo("is already in the pool");
    }

    @Test
    void an_unknown_template_is_a_field_error() {
        var response = api.post(member, "/v1/tenants/" + tenant + "/agents", "{\"template_id\": \"no-such\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("$.errors[0].field")).isEqualTo("template_id");
        ProviderStubs.server().verify(0, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v1/convai/agents/create")));
    }

    @Test
    void oversized_and_malformed_overrides_are_field_errors() {
        var response = api.post(member, "/v1/tenants/" + tenant + "/agents", """
                {"template_id": "sales-qualification", "name": "%s",
                 "overrides": {"prompt": "%s", "first_message": "%s", "language": "English", "voice_id": "a b"}}"""
                .formatted("n".repeat(101), "p".repeat(20_001), "f".repeat(1001)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.<List<String>>json("$.errors[*].field")).containsExactlyInAnyOrder("name",
                "overrides.prompt", "overrides.first_message", "overrides.language", "overrides.voice_id");
    }

    @Test
    void bad_assignment_filters_and_paging_are_field_errors() {
        var filters = api.post(member, "/v1/tenants/" + tenant + "/phone-numbers",
                "{\"country\": \"usa\", \"area_code\": \"5x\"}");
        var paging = api.get(member, "/v1/tenants/" + tenant + "/agents?limit=501");
        var purchase = api.post(api.operator(), "/v1/admin/phone-pool/purchase", "{\"country\": \"US\", \"count\": 0}");

        assertThat(filters.status()).isEqualTo(400);
        assertThat(filters.<List<String>>json("$.errors[*].field")).containsExactlyInAnyOrder("country", "area_code");
        assertThat(paging.status()).isEqualTo(400);
        assertThat(paging.text("$.errors[0].field")).isEqualTo("limit");
        assertThat(purchase.status()).isEqualTo(400);
        assertThat(purchase.text("$.errors[0].field")).isEqualTo("count");
    }

    @Test
    void attaching_before_importing_is_a_conflict() {
        api.post(api.operator(), "/v1/admin/phone-pool", "{\"numbers\": [{\"e164\": \"" + TestNumbers.e164("718")
                + "\", \"twilio_sid\": \"" + TestNumbers.sid() + "\"}]}");
        var agent = api.post(member, "/v1/tenants/" + tenant + "/agents", "{\"template_id\": \"customer-survey\"}");
        var number = api.post(member, "/v1/tenants/" + tenant + "/phone-numbers", "{\"area_code\": \"718\"}");

        var attach = api.put(member, "/v1/tenants/" + tenant + "/phone-numbers/" + number.text("$.id") + "/agent",
                "{\"agent_id\": \"" + agent.text("$.id") + "\"}");

        assertThat(attach.status()).isEqualTo(409);
    }
}
