package com.revos.voice.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtEncoder;

/** Tenant A's token against every tenant endpoint and every resource of tenant B; operator endpoints; no token. */
@ProvisioningIntegrationTest
class TenantIsolationIT {

    @LocalServerPort
    int port;
    @Autowired
    JwtEncoder tokens;

    private Api api;
    private final UUID tenantA = UUID.randomUUID();
    private final UUID tenantB = UUID.randomUUID();
    private String tokenA;
    private String bAgent;
    private String bNumber;
    private String aNumber;

    @BeforeEach
    void tenantBOwnsAnAgentAndAnImportedNumber() {
        api = new Api(port, tokens);
        ProviderStubs.reset();
        tokenA = api.member(tenantA);
        var tokenB = api.member(tenantB);
        api.post(api.operator(), "/v1/admin/phone-pool", """
                {"numbers": [{"e164": "%s", "twilio_sid": "%s"}, {"e164": "%s", "twilio_sid": "%s"}]}"""
                .formatted(TestNumbers.e164("303"), TestNumbers.sid(), TestNumbers.e164("303"), TestNumbers.sid()));
        bAgent = api.post(tokenB, "/v1/tenants/" + tenantB + "/agents", "{\"template_id\": \"lead-reengagement\"}")
                .text("$.id");
        bNumber = api.post(tokenB, "/v1/tenants/" + tenantB + "/phone-numbers", "{\"area_code\": \"303\"}")
                .text("$.id");
        api.post(tokenB, "/v1/tenants/" + tenantB + "/phone-numbers/" + bNumber + "/import", null);
        aNumber = api.post(tokenA, "/v1/tenants/" + tenantA + "/phone-numbers", "{\"area_code\": \"303\"}")
                .text("$.id");
        api.post(tokenA, "/v1/tenants/" + tenantA + "/phone-numbers/" + aNumber + "/import", null);
    }

    @Test
    void another_tenants_paths_answer_not_found_for_every_endpoint() {
        var b = "/v1/tenants/" + tenantB;
        var attempts = List.of(
                api.get(tokenA, b + "/agents"),
                api.post(tokenA, b + "/agents", "{\"template_id\": \"sales-qualification\"}"),
                api.get(tokenA, b + "/agents/" + bAgent),
                api.delete(tokenA, b + "/agents/" + bAgent),
                api.get(tokenA, b + "/phone-numbers"),
                api.post(tokenA, b + "/phone-numbers", "{}"),
                api.get(tokenA, b + "/phone-numbers/" + bNumber),
                api.delete(tokenA, b + "/phone-numbers/" + bNumber),
                api.post(tokenA, b + "/phone-numbers/" + bNumber + "/import", null),
                api.put(tokenA, b + "/phone-numbers/" + bNumber + "/agent", "{\"agent_id\": \"" + bAgent + "\"}"));

        assertThat(attempts).allSatisfy(response -> {
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
        });
    }

    @Test
    void another_tenants_resources_are_not_found_under_the_callers_own_tenant() {
        var a = "/v1/tenants/" + tenantA;
        var attempts = List.of(
                api.get(tokenA, a + "/agents/" + bAgent),
                api.delete(tokenA, a + "/agents/" + bAgent),
                api.get(tokenA, a + "/phone-numbers/" + bNumber),
                api.delete(tokenA, a + "/phone-numbers/" + bNumber),
                api.post(tokenA, a + "/phone-numbers/" + bNumber + "/import", null),
                api.put(tokenA, a + "/phone-numbers/" + bNumber + "/agent", "{\"agent_id\": \"" + bAgent + "\"}"));

        assertThat(attempts).allSatisfy(response ->
                assertThat(response.status()).as(response.toString()).isEqualTo(404));
        var attachForeignAgent = api.put(tokenA, a + "/phone-numbers/" + aNumber + "/agent",
                "{\"agent_id\": \"" + bAgent + "\"}");
        assertThat(attachForeignAgent.status()).isEqualTo(400);
        assertThat(attachForeignAgent.<List<String>>json("$.errors[*].field")).containsExactly("agent_id");
        assertThat(api.get(tokenA, a + "/agents").<Integer>json("$.total")).isZero();
        assertThat(api.get(tokenA, a + "/phone-numbers").<List<String>>json("$.items[*].id"))
                .containsExactly(aNumber);
    }

    @Test
    void tenant_b_resources_survive_tenant_a_attempts() {
        another_tenants_paths_answer_not_found_for_every_endpoint();
        another_tenants_resources_are_not_found_under_the_callers_own_tenant();

        var tokenB = api.member(tenantB);
        assertThat(api.get(tokenB, "/v1/tenants/" + tenantB + "/agents/" + bAgent).status()).isEqualTo(200);
        assertThat(api.get(tokenB, "/v1/tenants/" + tenantB + "/phone-numbers/" + bNumber).status())
                .isEqualTo(200);
    }

    @Test
    void operator_endpoints_are_forbidden_to_tenant_members() {
        var attempts = List.of(
                api.get(tokenA, "/v1/admin/phone-pool"),
                api.post(tokenA, "/v1/admin/phone-pool", "{\"numbers\": [{\"e164\": \"" + TestNumbers.e164("303")
                        + "\", \"twilio_sid\": \"" + TestNumbers.sid() + "\"}]}"),
                api.post(tokenA, "/v1/admin/phone-pool/purchase", "{\"country\": \"US\", \"count\": 1}"));

        assertThat(attempts).allSatisfy(response ->
                assertThat(response.status()).as(response.toString()).isEqualTo(403));
    }

    @Test
    void every_endpoint_needs_a_token() {
        var a = "/v1/tenants/" + tenantA;
        var attempts = List.of(
                api.get(null, "/v1/templates"),
                api.get(null, "/v1/templates/sales-qualification"),
                api.get(null, a + "/agents"),
                api.post(null, a + "/agents", "{\"template_id\": \"sales-qualification\"}"),
                api.delete(null, a + "/agents/" + bAgent),
                api.post(null, a + "/phone-numbers", "{}"),
                api.post(null, a + "/phone-numbers/" + aNumber + "/import", null),
                api.put(null, a + "/phone-numbers/" + aNumber + "/agent", "{\"agent_id\": \"" + bAgent + "\"}"),
                api.get(null, "/v1/admin/phone-pool"),
                api.post(null, "/v1/admin/phone-pool/purchase", "{\"country\": \"US\", \"count\": 1}"));

        assertThat(attempts).allSatisfy(response ->
                assertThat(response.status()).as(response.toString()).isEqualTo(401));
    }
}
