package com.revos.voice.webhook.intake.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.webhook.WebhookIngestApplication;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

@IngestServiceContext
class ServiceShapeIT {

    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;

    @Test
    void the_intake_owns_no_database_even_when_one_is_configured() {
        assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
        assertThat(WebhookIngestApplication.CONFIG_NAME).isEqualTo("voice-webhook-ingest");
    }

    @Test
    void it_reports_healthy_and_the_benchmark_endpoint_is_off() {
        var client = new IngestClient(port);
        assertThat(client.get("/actuator/health").body()).contains("\"UP\"");
        assertThat(client.post("/webhooks/noop", "application/json", new byte[0], java.util.Map.of()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void its_settings_never_print_a_secret() {
        var properties = context.getBean(WebhookProperties.class);
        assertThat(properties.toString()).doesNotContain(IngestServiceContext.SECRET, IngestServiceContext.OLD_SECRET,
                IngestServiceContext.TWILIO_TOKEN);
    }
}
