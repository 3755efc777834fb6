package com.revos.voice.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code revos.security.*}: the HS256 signing key ({@code REVOS_JWT_SECRET}, named {@code REVOS_JWT_KEY_ID} in the
 * token's {@code kid}) and the keys of a rotation still accepted ({@code REVOS_JWT_PREVIOUS_KEYS}, {@code kid:secret}
 * pairs), or a JWKS URI; what a token must carry ({@link Tokens}); the CORS origins; the database role that tenant
 * transactions switch to for row-level security (unset: none, see {@link RowLevelSecurityAutoConfiguration}). No
 * secret is ever logged or echoed, {@link #toString()} included.
 */
@ConfigurationProperties("revos.security")
public record SecurityProperties(
        String jwtSecret,
        @DefaultValue(LocalTokens.DEFAULT_KEY_ID) String jwtKeyId,
        @DefaultValue List<String> jwtPreviousKeys,
        String jwkSetUri,
        @DefaultValue Tokens tokens,
        @DefaultValue List<String> corsAllowedOrigins,
        String tenantRole) {

    /**
     * What every accepted token must satisfy (ADR 0015).
     *
     * @param issuer the only accepted {@code iss} ({@code REVOS_JWT_ISSUER})
     * @param audience the {@code aud} a token must name ({@code REVOS_JWT_AUDIENCE})
     * @param maxLifetime the longest {@code exp - iat} accepted (without {@code iat}: {@code exp - now})
     * @param clockSkew how far clocks may disagree for {@code exp}, {@code nbf} and {@code iat}
     * @param algorithms the only JWS algorithms accepted
     */
    public record Tokens(
            @DefaultValue(LocalTokens.DEFAULT_ISSUER) String issuer,
            @DefaultValue(LocalTokens.DEFAULT_AUDIENCE) String audience,
            @DefaultValue("12h") Duration maxLifetime,
            @DefaultValue("30s") Duration clockSkew,
            @DefaultValue("HS256") List<String> algorithms) {
    }

    /** Every verification key by its {@code kid}: the signing key first, then the previous ones. */
    Map<String, String> verificationKeys() {
        var keys = new LinkedHashMap<String, String>();
        if (jwtSecret != null && !jwtSecret.isBlank()) {
            keys.put(jwtKeyId, jwtSecret);
        }
        for (var entry : jwtPreviousKeys) {
            var colon = entry.indexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalStateException("revos.security.jwt-previous-keys (REVOS_JWT_PREVIOUS_KEYS): each "
                        + "entry must be kid:secret");
            }
            keys.putIfAbsent(entry.substring(0, colon).strip(), entry.substring(colon + 1).strip());
        }
        return keys;
    }

    @Override
    public String toString() {
        var previous = new ArrayList<String>();
        jwtPreviousKeys.forEach(entry -> previous.add(entry.contains(":") ? entry.substring(0, entry.indexOf(':'))
                + ":***" : "***"));
        return "SecurityProperties[jwtSecret=" + (jwtSecret == null ? "unset" : "***") + ", jwtKeyId=" + jwtKeyId
                + ", jwtPreviousKeys=" + previous + ", jwkSetUri=" + jwkSetUri + ", tokens=" + tokens
                + ", corsAllowedOrigins=" + corsAllowedOrigins + ", tenantRole=" + tenantRole + "]";
    }
}
