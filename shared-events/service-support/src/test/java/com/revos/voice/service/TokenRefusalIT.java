package com.revos.voice.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.testsupport.RevosIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtEncoder;

/** What a client sees when its token is refused: 401 problem+json with the reason, never the token or the key. */
@RevosIntegrationTest
class TokenRefusalIT {

    static final String SECRET = "local-dev-jwt-secret-change-me-0123456789abcdef";

    @LocalServerPort
    int port;
    @Autowired
    JwtEncoder tokens;

    @Test
    void a_member_token_from_local_tokens_opens_the_tenant_route() {
        var tenant = UUID.randomUUID();
        var answer = new Http(port).get("/v1/tenants/" + tenant + "/notes",
                LocalTokens.tenantMember(tokens, "ann", tenant));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("ann");
    }

    @Test
    void no_token_is_401_problem_json_saying_so() {
        var answer = new Http(port).get("/v1/tenants/" + UUID.randomUUID() + "/notes", null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.body()).contains(ProblemAuthenticationEntryPoint.NO_TOKEN);
    }

    @Test
    void an_expired_token_is_401_with_the_reason_and_without_the_token_or_the_key() {
        var now = Instant.now();
        var expired = TokenRulesTest.sign(SECRET, "current", MacAlgorithm.HS256,
                claims -> claims.issuedAt(now.minus(Duration.ofHours(2))).expiresAt(now.minus(Duration.ofHours(1))));

        var answer = new Http(port).get("/v1/tenants/" + UUID.randomUUID() + "/notes", expired);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains(TokenRules.EXPIRED).doesNotContain(expired)
                .doesNotContain(expired.split("\\.")[1]).doesNotContain(SECRET);
        assertThat(answer.header("WWW-Authenticate")).contains("invalid_token").doesNotContain(expired);
    }

    @Test
    void a_token_without_exp_or_of_another_issuer_is_401_naming_each_reason() {
        var forever = TokenRulesTest.sign(SECRET, "current", MacAlgorithm.HS256,
                claims -> claims.claims(c -> c.remove("exp")).issuer("https://elsewhere.example"));

        var answer = new Http(port).get("/v1/tenants/" + UUID.randomUUID() + "/notes", forever);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains(TokenRules.NO_EXPIRY).contains(TokenRules.WRONG_ISSUER)
                .doesNotContain("elsewhere.example");
    }

    @Test
    void a_garbage_token_is_401_without_echoing_it() {
        var garbage = "eyJhbGciOiJIUzI1NiJ9.not-json-at-all-<script>.sig";

        var answer = new Http(port).get("/v1/tenants/" + UUID.randomUUID() + "/notes", garbage);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).doesNotContain("not-json-at-all").doesNotContain("<script>");
    }

    @Test
    void the_previous_key_of_a_rotation_still_opens_the_route_and_a_tenant_token_is_403_on_operator_routes() {
        var tenant = UUID.randomUUID();
        var previous = LocalTokens.encoder("support-it-previous-key-0123456789abcdef", "previous", "revos-local",
                "revos-voice");
        var http = new Http(port);

        assertThat(http.get("/v1/tenants/" + tenant + "/notes", LocalTokens.tenantMember(previous, "ann", tenant))
                .status()).isEqualTo(200);
        assertThat(http.get("/v1/admin/notes", LocalTokens.tenantMember(tokens, "ann", tenant)).status())
                .isEqualTo(403);
        assertThat(http.get("/v1/admin/notes", LocalTokens.issue(tokens, "op", List.of(), List.of("operator")))
                .status()).isEqualTo(200);
    }
}
