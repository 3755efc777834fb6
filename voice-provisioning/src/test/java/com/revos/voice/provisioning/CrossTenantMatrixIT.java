package com.revos.voice.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.service.LocalTokens;
import com.revos.voice.testsupport.EndpointMatrix;
import com.revos.voice.testsupport.EndpointMatrix.Caller;
import com.revos.voice.testsupport.RowCounts;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtEncoder;

/**
 * Every operation of the live API document, against a tenant that owns an agent, from another tenant's member, no
 * token, an expired token, a token of another issuer and the operator: each is refused and leaves no row (and so no
 * event: events leave through the outbox) in either tenant.
 */
@ProvisioningIntegrationTest
class CrossTenantMatrixIT {

    @LocalServerPort
    int port;
    @Autowired
    JwtEncoder tokens;

    @Test
    void every_endpoint_refuses_every_caller_who_is_not_a_member_and_leaves_nothing_behind() {
        ProviderStubs.reset();
        var api = new Api(port, tokens);
        var victim = UUID.randomUUID();
        var stranger = UUID.randomUUID();
        var agent = api.post(api.member(victim), "/v1/tenants/" + victim + "/agents",
                "{\"template_id\": \"lead-reengagement\"}").text("$.id");
        var before = RowCounts.ofTenants("provisioning", victim, stranger);

        var result = EndpointMatrix.run(port, Map.of(
                Caller.ANOTHER_TENANTS_MEMBER, LocalTokens.tenantMember(tokens, "stranger", stranger),
                Caller.EXPIRED_TOKEN, LocalTokens.expired(tokens, "victim", victim),
                Caller.OTHER_ISSUER, LocalTokens.fromIssuer(tokens, "https://elsewhere.example", "victim", victim),
                Caller.OPERATOR_ON_TENANT_ROUTES, LocalTokens.operator(tokens, "operator")),
                variable -> variable.equals("tenantId") ? victim.toString() : agent);

        assertThat(result.violations()).isEmpty();
        assertThat(result.endpoints()).isGreaterThanOrEqualTo(15);
        assertThat(result.requests()).isGreaterThanOrEqualTo(60);
        assertThat(RowCounts.ofTenants("provisioning", victim, stranger)).isEqualTo(before);
    }
}
