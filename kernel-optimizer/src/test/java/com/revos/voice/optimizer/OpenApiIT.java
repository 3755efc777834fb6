package com.revos.voice.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.optimizer.it.Api;
import com.revos.voice.optimizer.it.OptimizerIntegrationTest;
import com.revos.voice.testsupport.CheckedInDocument;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OpenAPI document springdoc serves, pinned in docs/openapi so other teams can read it without a build. */
@OptimizerIntegrationTest
class OpenApiIT {

    private static final Path CHECKED_IN = Path.of("..", "docs", "openapi", "kernel-optimizer.json");

    @LocalServerPort
    int port;

    @Test
    void the_served_api_document_describes_the_policy_and_the_decision_trail_and_is_the_checked_in_one() {
        var docs = new Api(port).get("/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("paths").fieldNames()).toIterable().contains("/v1/tenants/{tenantId}/optimizer-policy",
                "/v1/tenants/{tenantId}/campaigns/{campaignId}/decisions");
        CheckedInDocument.assertMatches(CHECKED_IN, docs.body().toString());
    }
}
