package com.revos.voice.service;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Builds the service's token decoder from {@link SecurityProperties}: only the configured algorithms, HS keys chosen
 * by {@code kid} (several during a rotation; a token without {@code kid} is tried against each), or a JWKS URI; then
 * {@link TokenRules}.
 */
public final class ServiceTokens {

    private ServiceTokens() {
    }

    /** The decoder every service verifies tokens with; public so that token issuers can prove theirs pass. */
    public static JwtDecoder decoder(SecurityProperties properties, Clock clock) {
        var algorithms = algorithms(properties);
        NimbusJwtDecoder decoder;
        if (properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).jwsAlgorithms(accepted -> algorithms
                    .forEach(algorithm -> accepted.add(SignatureAlgorithm.from(algorithm.getName())))).build();
        } else {
            var processor = new DefaultJWTProcessor<SecurityContext>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms,
                    new ImmutableJWKSet<>(keySet(properties))));
            // the claims are checked by TokenRules, with reasons of our own
            processor.setJWTClaimsSetVerifier((claims, context) -> {
            });
            decoder = new NimbusJwtDecoder(processor);
        }
        // Spring's default claim mapping invents an iat (exp - 1 s) for a token without one; TokenRules must see
        // the token as it is to judge its lifetime
        var claims = MappedJwtClaimSetConverter.withDefaults(Map.of());
        decoder.setClaimSetConverter(raw -> {
            var converted = new HashMap<>(claims.convert(raw));
            if (!raw.containsKey(JwtClaimNames.IAT)) {
                converted.remove(JwtClaimNames.IAT);
            }
            return converted;
        });
        decoder.setJwtValidator(new TokenRules(properties.tokens(), clock));
        return decoder;
    }

    /** The HS keys as a JWK set, each under its {@code kid}; every one must be long enough for HS256. */
    static JWKSet keySet(SecurityProperties properties) {
        var keys = properties.verificationKeys();
        if (keys.isEmpty()) {
            throw new IllegalStateException("revos.security.jwt-secret (REVOS_JWT_SECRET) must be set to at least "
                    + "32 bytes for HS256, or revos.security.jwk-set-uri configured");
        }
        return new JWKSet(keys.entrySet().stream().map(entry -> {
            var bytes = entry.getValue().getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 32) {
                throw new IllegalStateException("The JWT key with kid " + entry.getKey() + " must be at least 32 "
                        + "bytes for HS256 (REVOS_JWT_SECRET, REVOS_JWT_PREVIOUS_KEYS)");
            }
            return (com.nimbusds.jose.jwk.JWK) new OctetSequenceKey.Builder(bytes).keyID(entry.getKey())
                    .keyUse(KeyUse.SIGNATURE).build();
        }).toList());
    }

    private static Set<JWSAlgorithm> algorithms(SecurityProperties properties) {
        var algorithms = new LinkedHashSet<JWSAlgorithm>();
        for (var name : properties.tokens().algorithms()) {
            var algorithm = JWSAlgorithm.parse(name.strip());
            if (!JWSAlgorithm.Family.HMAC_SHA.contains(algorithm) && !JWSAlgorithm.Family.SIGNATURE.contains(algorithm)) {
                throw new IllegalStateException("revos.security.tokens.algorithms: " + name
                        + " is not a JWS signature algorithm");
            }
            algorithms.add(algorithm);
        }
        if (algorithms.isEmpty()) {
            throw new IllegalStateException("revos.security.tokens.algorithms must name at least one algorithm");
        }
        return algorithms;
    }
}
