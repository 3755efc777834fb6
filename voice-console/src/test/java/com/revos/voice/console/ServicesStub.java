package com.revos.voice.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The four services as one real HTTP server (WireMock) for the console's slice tests: each test stubs the answers it
 * needs and checks what the console sent (path, tenant, bearer token, body). Tokens are signed with the test secret.
 */
public final class ServicesStub {

    public static final String SECRET = "console-test-secret-0123456789abcdef-0123456789";
    private static WireMockServer server;

    private ServicesStub() {
    }

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    public static String url() {
        return "http://localhost:" + server().port();
    }

    public static String token(String subject, List<UUID> tenants, List<String> roles) {
        return token(subject, tenants, roles, Instant.now().plus(Duration.ofHours(1)), SECRET);
    }

    public static String token(String subject, List<UUID> tenants, List<String> roles, Instant expires, String secret) {
        var key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        var claims = JwtClaimsSet.builder().subject(subject).issuedAt(expires.minus(Duration.ofHours(2)))
                .expiresAt(expires).claim("tenants", tenants.stream().map(UUID::toString).toList())
                .claim("roles", roles).build();
        return new NimbusJwtEncoder(new ImmutableSecret<>(key))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    public static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    public static ResponseDefinitionBuilder problem(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json").withBody(body);
    }
}
