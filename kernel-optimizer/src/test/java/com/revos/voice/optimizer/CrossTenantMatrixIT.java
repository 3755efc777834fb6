package com.revos.voice.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.optimizer.it.Api;
import com.revos.voice.optimizer.it.OptimizerIntegrationTest;
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
 * Every operation of the live API document against a tenant with a policy of its own, from another tenant's
 * member, no token, an expired token, a token of another issuer and the operator: each is refused and leaves no row
 * in either tenant (the policy is unchanged).
 */
@OptimizerIntegrationTest
class CrossTenantMatrixIT {

    @LocalServerPort
    int port;
    @Autowired
    JwtEncoder tokens;

    @Test
    void every_endpoint_refuses_every_caller_who_is_not_a_member_and_leaves_nothing_behind() {
        var victim = UUID.randomUUID();
        var stranger = UUID.randomUUID();
        var member = LocalTokens.tenantMember(tokens, "victim", victim);
        var api = new Api(port);
        var policy = api.get("/v1/tenants/" + victim + "/optimizer-policy", member).body();
        var before = RowCounts.ofTenants("optimizer", victim, stranger);

        var result = EndpointMatrix.run(port, Map.of(
                Caller.ANOTHER_TENANTS_MEMBER, LocalTokens.tenantMember(tokens, "stranger", stranger),
                Caller.EXPIRED_TOKEN, LocalTokens.expired(tokens, "victim", victim),
                Caller.OTHER_ISSUER, LocalTokens.fromIssuer(tokens, "https://elsewhere.example", "victim", victim),
                Caller.OPERATOR_ON_TENANT_ROUTES, LocalTokens.operator(tokens, "operator")),
                variable -> variable.equals("tenantId") ? victim.toString() : null);

        assertThat(result.violations()).isEmpty();
        assertThat(result.endpoints()).isGreaterThanOrEqualTo(3);
        assertThat(result.requests()).isEqualTo(result.endpoints() * 5);
        assertThat(RowCounts.ofTenants("optimizer", victim, stranger)).isEqualTo(before);
        assertThat(api.get("/v1/tenants/" + victim + "/optimizer-policy", member).body()).isEqualTo(policy);
    }
}
