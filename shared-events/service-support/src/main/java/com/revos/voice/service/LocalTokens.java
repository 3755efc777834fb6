package com.revos.voice.service;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Issues HS256 tokens with the design's claims, for local runs, demos and tests. Every token expires (12 h, the
 * services' default maximum), and an encoder from {@link #encoder} adds the {@code kid}, {@code iss} and {@code aud}
 * the services check when the claims do not set them, so every token issued here passes (ADR 0015).
 */
public final class LocalTokens {

    public static final String DEFAULT_KEY_ID = "local";
    public static final String DEFAULT_ISSUER = "revos-local";
    public static final String DEFAULT_AUDIENCE = "revos-voice";
    public static final Duration LIFETIME = Duration.ofHours(12);

    private LocalTokens() {
    }

    public static String tenantMember(JwtEncoder encoder, String subject, UUID... tenants) {
        return issue(encoder, subject, List.of(tenants), List.of());
    }

    public static String operator(JwtEncoder encoder, String subject) {
        return issue(encoder, subject, List.of(), List.of(Caller.OPERATOR));
    }

    public static String issue(JwtEncoder encoder, String subject, List<UUID> tenants, List<String> roles) {
        return issue(encoder, subject, tenants, roles, LIFETIME);
    }

    public static String issue(JwtEncoder encoder, String subject, List<UUID> tenants, List<String> roles,
                               Duration validFor) {
        var now = Instant.now();
        var claims = JwtClaimsSet.builder().subject(subject).issuedAt(now).expiresAt(now.plus(validFor))
                .claim("tenants", tenants.stream().map(UUID::toString).toList())
                .claim("roles", roles)
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    /** A member's token that expired an hour ago: for tests of what the services refuse. */
    public static String expired(JwtEncoder encoder, String subject, UUID... tenants) {
        var now = Instant.now();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                JwtClaimsSet.builder().subject(subject).issuedAt(now.minus(Duration.ofHours(2)))
                        .expiresAt(now.minus(Duration.ofHours(1)))
                        .claim("tenants", List.of(tenants).stream().map(UUID::toString).toList())
                        .claim("roles", List.of()).build())).getTokenValue();
    }

    /** A member's token, well signed, from another issuer: for tests of what the services refuse. */
    public static String fromIssuer(JwtEncoder encoder, String issuer, String subject, UUID... tenants) {
        var now = Instant.now();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                JwtClaimsSet.builder().issuer(issuer).subject(subject).issuedAt(now).expiresAt(now.plus(LIFETIME))
                        .claim("tenants", List.of(tenants).stream().map(UUID::toString).toList())
                        .claim("roles", List.of()).build())).getTokenValue();
    }

    /**
     * Signs with one HS256 key under its {@code kid}, and fills in the issuer and audience a token does not name
     * itself.
     */
    public static JwtEncoder encoder(String secret, String keyId, String issuer, String audience) {
        var key = new OctetSequenceKey.Builder(secret.getBytes(StandardCharsets.UTF_8)).keyID(keyId).build();
        var signer = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        return parameters -> {
            var header = JwsHeader.from(parameters.getJwsHeader() == null
                    ? JwsHeader.with(MacAlgorithm.HS256).build() : parameters.getJwsHeader());
            if (parameters.getJwsHeader() == null || parameters.getJwsHeader().getKeyId() == null) {
                header.keyId(keyId);
            }
            var claims = JwtClaimsSet.from(parameters.getClaims());
            if (parameters.getClaims().getClaims().get("iss") == null) {
                claims.issuer(issuer);
            }
            if (parameters.getClaims().getAudience() == null) {
                claims.audience(List.of(audience));
            }
            return signer.encode(JwtEncoderParameters.from(header.build(), claims.build()));
        };
    }
}
