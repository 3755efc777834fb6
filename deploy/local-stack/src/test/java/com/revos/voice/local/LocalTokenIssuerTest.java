package com.revos.voice.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.service.LocalTokens;
import com.revos.voice.service.SecurityProperties;
import com.revos.voice.service.ServiceTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What {@code ./revos token} and the stack's banner print passes the services' own token checks (ADR 0015). */
class LocalTokenIssuerTest {

    /** The services' settings when nothing is set: the local secret, kid, issuer, audience and 12 h maximum. */
    private static final SecurityProperties SERVICES = new SecurityProperties(LocalTokenIssuer.DEFAULT_SECRET,
            LocalTokens.DEFAULT_KEY_ID, List.of(), null, new SecurityProperties.Tokens(LocalTokens.DEFAULT_ISSUER,
            LocalTokens.DEFAULT_AUDIENCE, Duration.ofHours(12), Duration.ofSeconds(30), List.of("HS256")),
            List.of(), null);

    @Test
    void tenant_and_operator_tokens_of_the_local_issuer_pass_the_services_checks() {
        var decoder = ServiceTokens.decoder(SERVICES, Clock.systemUTC());
        var issuer = LocalTokenIssuer.fromEnvironment();

        var tenant = decoder.decode(issuer.tenant(LocalTokenIssuer.DEMO_TENANT));
        var operator = decoder.decode(issuer.operator());
        var custom = decoder.decode(issuer.issue("ann", List.of(UUID.randomUUID()), List.of()));

        assertThat(tenant.getClaimAsStringList("tenants")).containsExactly(LocalTokenIssuer.DEMO_TENANT.toString());
        assertThat(operator.getClaimAsStringList("roles")).containsExactly("operator");
        assertThat(custom.getSubject()).isEqualTo("ann");
        assertThat(tenant.getExpiresAt()).isNotNull();
        assertThat(tenant.getClaimAsString("iss")).isEqualTo(LocalTokens.DEFAULT_ISSUER);
        assertThat(tenant.getAudience()).containsExactly(LocalTokens.DEFAULT_AUDIENCE);
    }
}
