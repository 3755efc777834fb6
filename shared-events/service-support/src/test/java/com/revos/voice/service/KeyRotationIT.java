package com.revos.voice.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.revos.voice.testsupport.RealInfrastructureInitializer;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * A signing key rotated as ADR 0015 says, through the three deployments of a rotation, each a service started with
 * that deployment's configuration on the real database: the old key alone; the new key signing with the old one
 * still accepted (tokens issued before the switch keep working); the old key dropped (its tokens are refused with the
 * reason, never the token or a key). The same for keys published by a JWKS.
 */
class KeyRotationIT {

    private static final String OLD_SECRET = "rotation-it-old-key-0123456789abcdef-2026";
    private static final String NEW_SECRET = "rotation-it-new-key-fedcba9876543210-2027";

    @Test
    void a_token_of_the_old_key_works_until_the_old_key_is_dropped_then_is_refused_naming_why() {
        var tenant = UUID.randomUUID();
        var oldKey = LocalTokens.encoder(OLD_SECRET, "2026-11", LocalTokens.DEFAULT_ISSUER,
                LocalTokens.DEFAULT_AUDIENCE);
        var newKey = LocalTokens.encoder(NEW_SECRET, "2027-01", LocalTokens.DEFAULT_ISSUER,
                LocalTokens.DEFAULT_AUDIENCE);
        var issuedBeforeTheSwitch = LocalTokens.tenantMember(oldKey, "ann", tenant);
        var issuedAfterTheSwitch = LocalTokens.tenantMember(newKey, "bob", tenant);
        var oldKeyWithoutKid = TokenRulesTest.sign(OLD_SECRET, null,
                org.springframework.security.oauth2.jose.jws.MacAlgorithm.HS256, claims -> claims.claim("tenants",
                        List.of(tenant.toString())));
        var newKidOldSignature = TokenRulesTest.sign(OLD_SECRET, "2027-01",
                org.springframework.security.oauth2.jose.jws.MacAlgorithm.HS256, claims -> claims.claim("tenants",
                        List.of(tenant.toString())));
        var notes = "/v1/tenants/" + tenant + "/notes";

        try (var before = start("revos.security.jwt-secret=" + OLD_SECRET, "revos.security.jwt-key-id=2026-11",
                "revos.security.jwt-previous-keys=")) {
            var http = new Http(port(before));
            assertThat(http.get(notes, issuedBeforeTheSwitch).status()).isEqualTo(200);
            assertThat(http.get(notes, issuedAfterTheSwitch).body())
                    .contains(ProblemAuthenticationEntryPoint.NOT_ACCEPTED);
        }

        try (var overlap = start("revos.security.jwt-secret=" + NEW_SECRET, "revos.security.jwt-key-id=2027-01",
                "revos.security.jwt-previous-keys=2026-11:" + OLD_SECRET)) {
            var http = new Http(port(overlap));
            assertThat(http.get(notes, issuedBeforeTheSwitch).status()).isEqualTo(200);
            assertThat(http.get(notes, oldKeyWithoutKid).status()).isEqualTo(200);
            assertThat(http.get(notes, issuedAfterTheSwitch).status()).isEqualTo(200);
            var issuedByTheService = LocalTokens.tenantMember(
                    overlap.getBean(org.springframework.security.oauth2.jwt.JwtEncoder.class), "cy", tenant);
            assertThat(issuedByTheService.split("\\.")[0]).isEqualTo(issuedAfterTheSwitch.split("\\.")[0]);
            var forged = http.get(notes, newKidOldSignature);
            assertThat(forged.status()).isEqualTo(401);
            assertThat(forged.body()).contains(ProblemAuthenticationEntryPoint.BAD_SIGNATURE);
        }

        try (var after = start("revos.security.jwt-secret=" + NEW_SECRET, "revos.security.jwt-key-id=2027-01",
                "revos.security.jwt-previous-keys=")) {
            var http = new Http(port(after));
            var refused = http.get(notes, issuedBeforeTheSwitch);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.body()).contains(ProblemAuthenticationEntryPoint.NOT_ACCEPTED)
                    .doesNotContain(issuedBeforeTheSwitch.split("\\.")[1]).doesNotContain(OLD_SECRET)
                    .doesNotContain(NEW_SECRET);
            assertThat(refused.header("WWW-Authenticate")).contains("invalid_token");
            assertThat(http.get(notes, oldKeyWithoutKid).body()).contains(ProblemAuthenticationEntryPoint.BAD_SIGNATURE);
            assertThat(http.get(notes, issuedAfterTheSwitch).status()).isEqualTo(200);
        }
    }

    @Test
    void keys_published_by_a_jwks_rotate_the_same_way() throws Exception {
        var tenant = UUID.randomUUID();
        var oldKey = new RSAKeyGenerator(2048).keyID("idp-2026").generate();
        var newKey = new RSAKeyGenerator(2048).keyID("idp-2027").generate();
        var issuedBeforeTheSwitch = rs256(oldKey, tenant);
        var issuedAfterTheSwitch = rs256(newKey, tenant);
        var notes = "/v1/tenants/" + tenant + "/notes";
        var published = new AtomicReference<>(new JWKSet(List.of(oldKey.toPublicJWK(), newKey.toPublicJWK())));
        var jwks = jwks(published);
        try {
            var uri = "revos.security.jwk-set-uri=http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json";
            try (var overlap = start(uri, "revos.security.tokens.algorithms=RS256")) {
                var http = new Http(port(overlap));
                assertThat(http.get(notes, issuedBeforeTheSwitch).status()).isEqualTo(200);
                assertThat(http.get(notes, issuedAfterTheSwitch).status()).isEqualTo(200);
                var hs256 = http.get(notes, LocalTokens.tenantMember(LocalTokens.encoder(NEW_SECRET, "2027-01",
                        LocalTokens.DEFAULT_ISSUER, LocalTokens.DEFAULT_AUDIENCE), "eve", tenant));
                assertThat(hs256.status()).isEqualTo(401);
                assertThat(hs256.body()).contains(ProblemAuthenticationEntryPoint.NOT_ACCEPTED);
            }

            published.set(new JWKSet(newKey.toPublicJWK()));
            try (var after = start(uri, "revos.security.tokens.algorithms=RS256")) {
                var http = new Http(port(after));
                var refused = http.get(notes, issuedBeforeTheSwitch);
                assertThat(refused.status()).isEqualTo(401);
                assertThat(refused.body()).contains(ProblemAuthenticationEntryPoint.NOT_ACCEPTED)
                        .doesNotContain(issuedBeforeTheSwitch.split("\\.")[1]);
                assertThat(http.get(notes, issuedAfterTheSwitch).status()).isEqualTo(200);
            }
        } finally {
            jwks.stop(0);
        }
    }

    /**
     * The support service under one deployment's settings (as arguments: they override its application.yml, as the
     * environment does in a deployment), on the shared real database, on a free port.
     */
    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(SupportTestApplication.class)
                .initializers(new RealInfrastructureInitializer())
                .properties("server.port=0", "spring.main.banner-mode=off")
                .run(java.util.Arrays.stream(properties).map(property -> "--" + property).toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static String rs256(RSAKey key, UUID tenant) throws JOSEException {
        var now = Instant.now();
        var encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        var claims = JwtClaimsSet.builder().subject("ann").issuer(LocalTokens.DEFAULT_ISSUER)
                .audience(List.of(LocalTokens.DEFAULT_AUDIENCE)).issuedAt(now).expiresAt(now.plus(Duration.ofHours(1)))
                .claim("tenants", List.of(tenant.toString())).claim("roles", List.of()).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID())
                .build(), claims)).getTokenValue();
    }

    /** An identity provider's JWKS endpoint, publishing whatever set the test holds at the time of the fetch. */
    private static HttpServer jwks(AtomicReference<JWKSet> published) {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/jwks.json", exchange -> {
                var body = published.get().toString(true).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
                exchange.sendResponseHeaders(200, body.length);
                try (var out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
