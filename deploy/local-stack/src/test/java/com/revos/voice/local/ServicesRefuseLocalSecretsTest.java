package com.revos.voice.local;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.revos.voice.dialer.DialerApplication;
import com.revos.voice.optimizer.OptimizerApplication;
import com.revos.voice.provisioning.ProvisioningApplication;
import com.revos.voice.webhook.WebhookIngestApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Each of the four services, started as it ships (its own file, no profile), refuses the README's local secrets
 * before it touches a database or a broker, and names the variable to set (ADR 0016). Nothing listens on the
 * addresses given: a service that got past the check would fail differently.
 */
class ServicesRefuseLocalSecretsTest {

    private static final String REAL_JWT_SECRET = "--revos.security.jwt-secret=not-documented-anywhere-0123456789abc";

    @ParameterizedTest
    @CsvSource({
            "provisioning, PROVISIONING_JDBC_PASSWORD",
            "dialer, DIALER_JDBC_PASSWORD",
            "optimizer, OPTIMIZER_JDBC_PASSWORD",
            "webhook-ingest, ELEVENLABS_WEBHOOK_SECRET"})
    void a_service_on_the_local_defaults_refuses_to_start_naming_the_variable(String service, String next) {
        assertThatThrownBy(() -> start(service)).hasMessageStartingWith("Refusing to start: set REVOS_JWT_SECRET ");
        assertThatThrownBy(() -> start(service, REAL_JWT_SECRET))
                .hasMessageStartingWith("Refusing to start: set " + next + " ");
    }

    private static void start(String service, String... arguments) {
        var application = switch (service) {
            case "provisioning" -> new SpringApplicationBuilder(ProvisioningApplication.class)
                    .properties("spring.config.name=" + ProvisioningApplication.CONFIG_NAME);
            case "dialer" -> new SpringApplicationBuilder(DialerApplication.class)
                    .properties("spring.config.name=" + DialerApplication.CONFIG_NAME);
            case "optimizer" -> new SpringApplicationBuilder(OptimizerApplication.class)
                    .properties("spring.config.name=" + OptimizerApplication.CONFIG_NAME);
            default -> new SpringApplicationBuilder(WebhookIngestApplication.class)
                    .properties("spring.config.name=" + WebhookIngestApplication.CONFIG_NAME);
        };
        var all = new java.util.ArrayList<>(java.util.List.of("--spring.main.banner-mode=off", "--server.port=0",
                "--spring.kafka.bootstrap-servers=localhost:1", "--logging.level.root=OFF"));
        all.addAll(java.util.List.of(arguments));
        application.run(all.toArray(String[]::new)).close();
    }
}
