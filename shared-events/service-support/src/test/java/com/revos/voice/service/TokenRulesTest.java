package com.revos.voice.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class TokenRulesTest {

    static final String CURRENT = "current-key-0123456789abcdef0123456789";
    static final String PREVIOUS = "previous-key-0123456789abcdef0123456789";
    static final String LONG_KEY = "a-key-long-enough-for-hs512-0123456789abcdef0123456789abcdef0123456789";

    private final JwtDecoder decoder = ServiceTokens.decoder(properties(CURRENT, List.of("HS256")), Clock.systemUTC());

    static SecurityProperties properties(String secret, List<String> algorithms) {
        return new SecurityProperties(secret, "current", List.of("previous:" + PREVIOUS), null,
                new SecurityProperties.Tokens("revos-local", "revos-voice", Duration.ofHours(12),
                        Duration.ofSeconds(30), algorithms), List.of(), null);
    }

    @Test
    void a_token_of_the_local_issuer_passes_with_its_tenants() {
        var tenant = UUID.randomUUID();
        var token = LocalTokens.tenantMember(LocalTokens.encoder(CURRENT, "current", "revos-local", "revos-voice"),
                "ann", tenant);

        var jwt = decoder.decode(token);

        assertThat(jwt.getSubject()).isEqualTo("ann");
        assertThat(Caller.of(jwt).isMemberOf(tenant)).isTrue();
        assertThat(jwt.getHeaders()).containsEntry("kid", "current");
    }

    @Test
    void a_token_without_exp_is_refused_because_it_would_never_expire() {
        assertRefused(sign(CURRENT, "current", MacAlgorithm.HS256, claims -> claims.claims(c -> c.remove("exp"))),
                TokenRules.NO_EXPIRY);
    }

    @Test
    void an_expired_token_is_refused_but_a_few_seconds_of_clock_skew_are_forgiven() {
        var now = Instant.now();
        assertRefused(sign(CURRENT, "current", MacAlgorithm.HS256, claims -> claims.issuedAt(now.minusSeconds(3600))
                .expiresAt(now.minusSeconds(60))), TokenRules.EXPIRED);
        var justExpired = sign(CURRENT, "current", MacAlgorithm.HS256,
                claims -> claims.issuedAt(now.minusSeconds(3600)).expiresAt(now.minusSeconds(10)));
        assertThat(decoder.decode(justExpired).getSubject()).isEqualTo("ann");
    }

    @Test
    void a_token_valid_longer_than_the_maximum_is_refused_with_or_without_iat() {
        var now = Instant.now();
        assertRefused(sign(CURRENT, "current", MacAlgorithm.HS256, claims -> claims.issuedAt(now)
                .expiresAt(now.plus(Duration.ofHours(13)))), TokenRules.TOO_LONG);
        assertRefused(sign(CURRENT, "current", MacAlgorithm.HS256, claims -> claims.claims(c -> c.remove("iat"))
                .expiresAt(now.plus(Duration.ofDays(365)))), TokenRules.TOO_LONG);
    }

    @Test
    void a_token_issued_in_the_future_is_refused() {
        var later = Instant.now().plus(Duration.ofMinutes(10));
        assertRefused(sign(CURRENT, "current", MacAlgorithm.HS256, claims -> claims.issuedAt(later)
                .expiresAt(later.plus(Duration.ofHours(1)))), TokenRules.NOT_YET_VALID);
    }

    @Test
    void a_token_of_another_issuer_or_for_another_audience_is_refused() {
        assertRefused(sign(CURRENT, "current", MacAlgorithm.HS256, claims -> claims.issuer("someone-else")),
                TokenRules.WRONG_ISSUER);
        assertRefused(sign(CURRENT, "current", MacAlgorithm.HS256, claims -> claims.claims(c -> c.remove("iss"))),
                TokenRules.WRONG_ISSUER);
        assertRefused(sign(CURRENT, "current", MacAlgorithm.HS256, claims -> claims.audience(List.of("billing"))),
                TokenRules.WRONG_AUDIENCE);
    }

    @Test
    void during_a_rotation_the_previous_key_still_verifies_under_its_kid_and_with_no_kid() {
        assertThat(decoder.decode(sign(PREVIOUS, "previous", MacAlgorithm.HS256, claims -> { })).getSubject())
                .isEqualTo("ann");
        assertThat(decoder.decode(sign(PREVIOUS, null, MacAlgorithm.HS256, claims -> { })).getSubject())
                .isEqualTo("ann");
    }

    @Test
    void an_unknown_kid_or_a_key_we_do_not_hold_is_refused() {
        assertRefused(sign(CURRENT, "retired", MacAlgorithm.HS256, claims -> { }),
                ProblemAuthenticationEntryPoint.NOT_ACCEPTED);
        assertRefused(sign("an-attackers-own-key-0123456789abcdef012", "current", MacAlgorithm.HS256, claims -> { }),
                ProblemAuthenticationEntryPoint.BAD_SIGNATURE);
    }

    @Test
    void only_the_configured_algorithms_are_accepted() {
        var hs256Only = ServiceTokens.decoder(properties(LONG_KEY, List.of("HS256")), Clock.systemUTC());
        var hs512 = sign(LONG_KEY, "current", MacAlgorithm.HS512, claims -> { });
        assertThat(reasons(hs256Only, hs512)).containsExactly(ProblemAuthenticationEntryPoint.NOT_ACCEPTED);

        var hs512Too = ServiceTokens.decoder(properties(LONG_KEY, List.of("HS256", "HS512")), Clock.systemUTC());
        assertThat(hs512Too.decode(hs512).getSubject()).isEqualTo("ann");
    }

    @Test
    void an_unsigned_token_is_refused() {
        var encoder = Base64.getUrlEncoder().withoutPadding();
        var now = Instant.now().getEpochSecond();
        var unsigned = encoder.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(("{\"sub\":\"ann\",\"iss\":\"revos-local\",\"aud\":\"revos-voice\","
                + "\"iat\":" + now + ",\"exp\":" + (now + 60) + ",\"roles\":[\"operator\"]}")
                .getBytes(StandardCharsets.UTF_8)) + ".";
        assertThat(reasons(decoder, unsigned)).isNotEmpty().doesNotContain(unsigned);
        assertThatThrownBy(() -> decoder.decode(unsigned)).isInstanceOf(JwtException.class);
    }

    @Test
    void a_key_shorter_than_hs256_needs_is_refused_at_start() {
        assertThatThrownBy(() -> ServiceTokens.decoder(properties("short", List.of("HS256")), Clock.systemUTC()))
                .hasMessageContaining("at least 32 bytes").hasMessageNotContaining("short\"");
    }

    private void assertRefused(String token, String reason) {
        assertThat(reasons(decoder, token)).contains(reason);
    }

    /** What the 401 says, read the way the resource server reports a refused token. */
    static List<String> reasons(JwtDecoder decoder, String token) {
        try {
            decoder.decode(token);
        } catch (JwtException e) {
            var reasons = ProblemAuthenticationEntryPoint.reasons(new InvalidBearerTokenException(e.getMessage(), e));
            reasons.forEach(reason -> assertThat(reason).doesNotContain(token));
            return reasons;
        }
        return List.of();
    }

    /** A token for ann, valid for an hour from our issuer to our audience, changed by {@code change}. */
    static String sign(String secret, String kid, MacAlgorithm algorithm, Consumer<JwtClaimsSet.Builder> change) {
        var key = new OctetSequenceKey.Builder(secret.getBytes(StandardCharsets.UTF_8)).keyID(kid).build();
        var encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        var now = Instant.now();
        var claims = JwtClaimsSet.builder().subject("ann").issuer("revos-local").audience(List.of("revos-voice"))
                .issuedAt(now).expiresAt(now.plus(Duration.ofHours(1))).claim("tenants", List.of());
        change.accept(claims);
        var header = JwsHeader.with(algorithm);
        if (kid != null) {
            header.keyId(kid);
        }
        return encoder.encode(JwtEncoderParameters.from(header.build(), claims.build())).getTokenValue();
    }
}
