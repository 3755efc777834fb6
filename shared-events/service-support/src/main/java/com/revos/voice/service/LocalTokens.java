package com.revos.voice.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/** Issues HS256 tokens with the design's claims, for local runs, demos and tests. */
public final class LocalTokens {

    private LocalTokens() {
    }

    public static String tenantMember(JwtEncoder encoder, String subject, UUID... tenants) {
        return issue(encoder, subject, List.of(tenants), List.of());
    }

    public static String operator(JwtEncoder encoder, String subject) {
        return issue(encoder, subject, List.of(), List.of(Caller.OPERATOR));
    }

    public static String issue(JwtEncoder encoder, String subject, List<UUID> tenants, List<String> roles) {
        var now = Instant.now();
        var claims = JwtClaimsSet.builder().subject(subject).issuedAt(now).expiresAt(now.plus(Duration.ofHours(12)))
                .claim("tenants", tenants.stream().map(UUID::toString).toList())
                .claim("roles", roles)
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }
}
