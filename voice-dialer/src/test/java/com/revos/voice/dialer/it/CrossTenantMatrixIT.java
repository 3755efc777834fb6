package com.revos.voice.dialer.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.service.LocalTokens;
import com.revos.voice.testsupport.EndpointMatrix;
import com.revos.voice.testsupport.EndpointMatrix.Caller;
import com.revos.voice.testsupport.RowCounts;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the live API document against a provisioned tenant, from another tenant's member, no token,
 * an expired token, a token of another issuer and the operator: each is refused and leaves no row (no campaign, no
 * call, no Idempotency-Key, no outbox event) in either tenant, and nothing is dialed.
 */
class CrossTenantMatrixIT extends DialerIntegrationTest {

    @Test
    void every_endpoint_refuses_every_caller_who_is_not_a_member_and_leaves_nothing_behind() {
        var victim = provision();
        var stranger = UUID.randomUUID();
        var before = RowCounts.ofTenants("dialer", victim.tenantId(), stranger);
        var dialsBefore = dialCounts().values().stream().mapToLong(Long::longValue).sum();

        var result = EndpointMatrix.run(port, Map.of(
                Caller.ANOTHER_TENANTS_MEMBER, LocalTokens.tenantMember(jwtEncoder, "stranger", stranger),
                Caller.EXPIRED_TOKEN, LocalTokens.expired(jwtEncoder, "victim", victim.tenantId()),
                Caller.OTHER_ISSUER, LocalTokens.fromIssuer(jwtEncoder, "https://elsewhere.example", "victim",
                        victim.tenantId()),
                Caller.OPERATOR_ON_TENANT_ROUTES, LocalTokens.operator(jwtEncoder, "operator")),
                variable -> variable.equals("tenantId") ? victim.tenantId().toString() : null);

        assertThat(result.violations()).isEmpty();
        assertThat(result.endpoints()).isGreaterThanOrEqualTo(14);
        assertThat(result.requests()).isEqualTo(result.endpoints() * 5);
        assertThat(RowCounts.ofTenants("dialer", victim.tenantId(), stranger)).isEqualTo(before);
        assertThat(dialCounts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(dialsBefore);
    }
}
