package com.revos.voice.webhook.intake.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.events.EventJson;
import com.revos.voice.testsupport.CheckedInDocument;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OpenAPI document springdoc serves, pinned in docs/openapi so other teams can read it without a build. */
@IngestServiceContext
class OpenApiIT {

    private static final Path CHECKED_IN = Path.of("..", "docs", "openapi", "voice-webhook-ingest.json");

    @LocalServerPort
    int port;

    @Test
    void the_served_api_document_describes_both_webhooks_but_not_the_benchmark_one_and_is_the_checked_in_one()
            throws Exception {
        var docs = new IngestClient(port).get("/v3/api-docs");

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(EventJson.mapper().readTree(docs.body()).get("paths").fieldNames()).toIterable()
                .contains(IngestClient.POST_CALL, IngestClient.TWILIO_STATUS)
                .doesNotContain("/webhooks/noop");
        CheckedInDocument.assertMatches(CHECKED_IN, docs.body());
    }
}
