package com.revos.voice.console.session;

import org.jspecify.annotations.Nullable;
import com.revos.voice.console.ConsoleProperties;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Checks a token the way the services will (same secret or JWKS, expiry), so a mistyped or expired token is refused at
 * sign-in with a reason, not later on every page. The services still check every call themselves.
 */
@Component
class TokenVerifier {

    private final JwtDecoder decoder;

    TokenVerifier(ConsoleProperties properties) {
        this.decoder = decoder(properties);
    }

    static JwtDecoder decoder(ConsoleProperties properties) {
        if (properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank()) {
            return NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        }
        if (properties.jwtSecret() == null || properties.jwtSecret().isBlank()) {
            throw new IllegalStateException("revos.console.jwt-secret (REVOS_JWT_SECRET) or revos.console.jwk-set-uri "
                    + "must be set: the console checks sign-in tokens as the services do");
        }
        var key = new SecretKeySpec(properties.jwtSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        return NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
    }

    /** The user the token names, or why it cannot be used (the reason says what to do, never echoes the token). */
    Result verify(String token) {
        if (token == null || token.isBlank()) {
            return new Result(Optional.empty(), "Paste a token: ./revos token prints one for the demo tenant.");
        }
        Jwt jwt;
        try {
            jwt = decoder.decode(token.strip());
        } catch (JwtException e) {
            return new Result(Optional.empty(), "This token was refused (" + reason(e) + "). Mint a fresh one with "
                    + "./revos token and try again.");
        }
        var tenants = new ArrayList<UUID>();
        for (var tenant : strings(jwt, "tenants")) {
            try {
                tenants.add(UUID.fromString(tenant));
            } catch (IllegalArgumentException e) {
                return new Result(Optional.empty(), "The token's tenants claim holds '" + tenant
                        + "', which is not a tenant id (a UUID).");
            }
        }
        var roles = strings(jwt, "roles");
        if (tenants.isEmpty() && !roles.contains(SignedInUser.OPERATOR)) {
            return new Result(Optional.empty(), "The token names no tenant and no operator role, so there is nothing "
                    + "to show. Mint one with ./revos token --tenant <uuid>.");
        }
        var subject = jwt.getSubject() == null ? "unknown" : jwt.getSubject();
        return new Result(Optional.of(new SignedInUser(subject, tenants, roles,
                tenants.isEmpty() ? null : tenants.getFirst(), token.strip())), null);
    }

    record Result(Optional<SignedInUser> user, @Nullable String problem) {
    }

    private static List<String> strings(Jwt jwt, String claim) {
        var value = jwt.getClaims().get(claim);
        if (value instanceof java.util.Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    private static String reason(JwtException e) {
        var message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (message.contains("expired")) {
            return "it has expired";
        }
        if (message.contains("signature")) {
            return "its signature does not match this installation's key";
        }
        return "it is not a valid JWT";
    }
}
