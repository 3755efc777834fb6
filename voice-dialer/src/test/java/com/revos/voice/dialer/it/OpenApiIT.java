package com.revos.voice.dialer.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.testsupport.CheckedInDocument;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The OpenAPI document springdoc serves, pinned in docs/openapi so other teams can read it without a build. */
class OpenApiIT extends DialerIntegrationTest {

    private static final Path CHECKED_IN = Path.of("..", "docs", "openapi", "voice-dialer.json");

    @Test
    void the_served_api_document_describes_campaigns_calls_suppressions_and_usage_and_is_the_checked_in_one()
            throws Exception {
        var docs = RestClient.create("http://localhost:" + port).get().uri("/v3/api-docs").retrieve()
                .toEntity(String.class);

        assertThat(docs.getStatusCode().value()).isEqualTo(200);
        var document = JSON.readTree(docs.getBody());
        assertThat(document.get("paths").fieldNames()).toIterable().contains("/v1/tenants/{tenantId}/campaigns",
                "/v1/tenants/{tenantId}/campaigns/{id}", "/v1/tenants/{tenantId}/campaigns/{id}/contacts",
                "/v1/tenants/{tenantId}/campaigns/{id}/start", "/v1/tenants/{tenantId}/campaigns/{id}/pause",
                "/v1/tenants/{tenantId}/campaigns/{id}/resume", "/v1/tenants/{tenantId}/campaigns/{id}/cancel",
                "/v1/tenants/{tenantId}/campaigns/{campaignId}/calls", "/v1/tenants/{tenantId}/calls",
                "/v1/tenants/{tenantId}/calls/{callId}", "/v1/tenants/{tenantId}/suppressions",
                "/v1/tenants/{tenantId}/usage");
        assertThat(document.at("/servers/0/url").asText()).isEqualTo("http://localhost:8082");
        CheckedInDocument.assertMatches(CHECKED_IN, docs.getBody());
    }
}
