package com.revos.voice.console.session;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.revos.voice.console.ConsoleProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Local profile only ({@code revos.console.local-sign-in.enabled}): signs the demo tenant's and the operator's tokens
 * with the local HS256 secret, with the claims {@code ./revos token} gives them. Absent everywhere else, so a deployed
 * console cannot mint anything.
 */
@Component
@ConditionalOnBooleanProperty("revos.console.local-sign-in.enabled")
class LocalTokenMinter {

    private final NimbusJwtEncoder encoder;
    private final ConsoleProperties properties;

    LocalTokenMinter(ConsoleProperties properties) {
        // under the kid the services know it by: the encoder picks the key the header names
        var key = new OctetSequenceKey.Builder(properties.jwtSecret().getBytes(StandardCharsets.UTF_8))
                .keyID(properties.localSignIn().keyId()).build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        this.properties = properties;
    }

    String demoTenant() {
        return issue("local-user", List.of(properties.localSignIn().demoTenant().toString()), List.of());
    }

    String operator() {
        return issue("local-operator", List.of(), List.of(SignedInUser.OPERATOR));
    }

    private String issue(String subject, List<String> tenants, List<String> roles) {
        var now = Instant.now();
        var signIn = properties.localSignIn();
        // the issuer, audience and kid the services require of every token (ADR 0015), as ./revos token gives them
        var claims = JwtClaimsSet.builder().issuer(signIn.issuer()).audience(List.of(signIn.audience()))
                .subject(subject).issuedAt(now).expiresAt(now.plus(Duration.ofHours(12)))
                .claim("tenants", tenants).claim("roles", roles).build();
        var header = JwsHeader.with(MacAlgorithm.HS256).keyId(signIn.keyId()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
