package com.revos.voice.local;

import com.revos.voice.service.LocalTokens;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.JwtEncoder;

/** Signs local tokens with the same HS256 secret the services verify ({@code REVOS_JWT_SECRET}), for 12 hours. */
final class LocalTokenIssuer {

    static final String DEFAULT_SECRET = "local-dev-jwt-secret-change-me-0123456789abcdef";
    static final UUID DEMO_TENANT = UUID.fromString("7e0d0000-0000-4000-8000-000000000001");

    private final JwtEncoder encoder;

    private LocalTokenIssuer(JwtEncoder encoder) {
        this.encoder = encoder;
    }

    /**
     * The same key, {@code kid}, issuer and audience the services read from the environment, with the same defaults,
     * so every token printed here passes their checks (ADR 0015).
     */
    static LocalTokenIssuer fromEnvironment() {
        var environment = System.getenv();
        return new LocalTokenIssuer(LocalTokens.encoder(environment.getOrDefault("REVOS_JWT_SECRET", DEFAULT_SECRET),
                environment.getOrDefault("REVOS_JWT_KEY_ID", LocalTokens.DEFAULT_KEY_ID),
                environment.getOrDefault("REVOS_JWT_ISSUER", LocalTokens.DEFAULT_ISSUER),
                environment.getOrDefault("REVOS_JWT_AUDIENCE", LocalTokens.DEFAULT_AUDIENCE)));
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
