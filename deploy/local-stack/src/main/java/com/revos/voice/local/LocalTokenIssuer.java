package com.revos.voice.local;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.revos.voice.service.LocalTokens;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Signs local tokens with the same HS256 secret the services verify ({@code REVOS_JWT_SECRET}). */
final class LocalTokenIssuer {

    static final String DEFAULT_SECRET = "local-dev-jwt-secret-change-me-0123456789abcdef";
    static final UUID DEMO_TENANT = UUID.fromString("7e0d0000-0000-4000-8000-000000000001");

    private final JwtEncoder encoder;

    private LocalTokenIssuer(JwtEncoder encoder) {
        this.encoder = encoder;
    }

    static LocalTokenIssuer fromEnvironment() {
        var secret = System.getenv().getOrDefault("REVOS_JWT_SECRET", DEFAULT_SECRET);
        var key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        return new LocalTokenIssuer(new NimbusJwtEncoder(new ImmutableSecret<>(key)));
    }

    String tenant(UUID... tenants) {
        return LocalTokens.tenantMember(encoder, "local-user", tenants);
    }

    String operator() {
        return LocalTokens.operator(encoder, "local-operator");
    }

    String issue(String subject, List<UUID> tenants, List<String> roles) {
        return LocalTokens.issue(encoder, subject, tenants, roles);
    }
}
