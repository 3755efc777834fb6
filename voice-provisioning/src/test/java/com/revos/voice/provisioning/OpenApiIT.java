package com.revos.voice.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.testsupport.CheckedInDocument;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtEncoder;

/** The OpenAPI document springdoc serves, pinned in docs/openapi so other teams can read it without a build. */
@ProvisioningIntegrationTest
class OpenApiIT {

    private static final Path CHECKED_IN = Path.of("..", "docs", "openapi", "voice-provisioning.json");

    @LocalServerPort
    int port;
    @Autowired
    JwtEncoder tokens;

    @Test
    void the_served_api_document_describes_every_endpoint_and_is_the_checked_in_one() {
        var docs = new Api(port, tokens).get(null, "/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        Map<String, Object> paths = docs.json("$.paths");
        assertThat(paths).containsKeys("/v1/templates", "/v1/templates/{id}", "/v1/tenants/{tenantId}/agents",
                "/v1/tenants/{tenantId}/agents/{id}", "/v1/tenants/{tenantId}/phone-numbers",
                "/v1/tenants/{tenantId}/phone-numbers/{id}", "/v1/tenants/{tenantId}/phone-numbers/{id}/import",
                "/v1/tenants/{tenantId}/phone-numbers/{id}/agent", "/v1/admin/phone-pool",
                "/v1/admin/phone-pool/purchase");
        CheckedInDocument.assertMatches(CHECKED_IN, docs.body());
    }
}
