package com.revos.voice.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class LocalDefaultSecretsTest {

    private static final String LOCAL_JWT_SECRET = "local-dev-jwt-secret-change-me-0123456789abcdef";

    /** The service files' way of reading a secret: a variable, with the README's local default. */
    private static StandardEnvironment serviceFile(Map<String, Object> values) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("service.yml", values));
        return environment;
    }

    @Test
    void a_service_on_the_documented_jwt_secret_refuses_to_start_naming_the_variable() {
        var environment = serviceFile(Map.of("revos.security.jwt-secret",
                "${REVOS_JWT_SECRET_FOR_THIS_TEST:" + LOCAL_JWT_SECRET + "}"));

        assertThatThrownBy(() -> LocalDefaultSecrets.check(environment))
                .isInstanceOf(LocalDefaultSecrets.MissingSecretException.class)
                .hasMessageStartingWith("Refusing to start: set REVOS_JWT_SECRET_FOR_THIS_TEST (revos.security.jwt-secret)")
                .hasMessageNotContaining(LOCAL_JWT_SECRET)
                .message().doesNotContain("\n");
    }

    @Test
    void an_empty_secret_or_one_local_default_among_rotated_webhook_secrets_is_refused_too() {
        assertThatThrownBy(() -> LocalDefaultSecrets.check(serviceFile(Map.of("spring.datasource.password", "postgres"))))
                .hasMessageContaining("spring.datasource.password");
        assertThatThrownBy(() -> LocalDefaultSecrets.check(serviceFile(Map.of("revos.webhooks.elevenlabs.secrets",
                "a-real-one-0123456789,local-webhook-secret")))).hasMessageContaining("revos.webhooks.elevenlabs.secrets");
        assertThatThrownBy(() -> LocalDefaultSecrets.check(serviceFile(Map.of("revos.webhooks.twilio.auth-token", " "))))
                .hasMessageContaining("revos.webhooks.twilio.auth-token");
        assertThatThrownBy(() -> LocalDefaultSecrets.check(serviceFile(Map.of("revos.security.jwt-previous-keys",
                "old:" + LOCAL_JWT_SECRET)))).hasMessageContaining("jwt-previous-keys");
    }

    @Test
    void the_configured_secret_values_are_those_of_every_checked_property_without_rotation_kids_or_other_settings() {
        var environment = serviceFile(Map.of(
                "revos.security.jwt-secret", "${REVOS_JWT_SECRET_FOR_THIS_TEST:" + LOCAL_JWT_SECRET + "}",
                "revos.security.jwt-previous-keys", "2026-11:an-old-key-0123456789abcdef0123456789",
                "spring.datasource.password", "db-password-of-this-test",
                "revos.webhooks.elevenlabs.secrets", "whsec-one,whsec-two",
                "revos.secrets.additional-properties", "revos.partner.api-key",
                "revos.partner.api-key", "partner-key-of-this-test",
                "revos.security.jwt-key-id", "2027-01",
                "spring.datasource.username", "dialer"));

        assertThat(ConfiguredSecrets.of(environment)).containsExactlyInAnyOrder(LOCAL_JWT_SECRET,
                "an-old-key-0123456789abcdef0123456789", "db-password-of-this-test", "whsec-one", "whsec-two",
                "partner-key-of-this-test");
    }

    @Test
    void real_secrets_or_the_local_profile_start() {
        assertThatCode(() -> LocalDefaultSecrets.check(serviceFile(Map.of(
                "revos.security.jwt-secret", "a-real-secret-nobody-documented-0123456789",
                "revos.security.jwt-previous-keys", "", "management.server.port", "9091"))))
                .doesNotThrowAnyException();

        var local = serviceFile(Map.of("revos.security.jwt-secret", LOCAL_JWT_SECRET));
        local.addActiveProfile("local");
        assertThatCode(() -> LocalDefaultSecrets.check(local)).doesNotThrowAnyException();
    }

    @Test
    void real_secrets_without_a_management_port_of_their_own_are_refused_too() {
        assertThatThrownBy(() -> LocalDefaultSecrets.check(serviceFile(Map.of(
                "revos.security.jwt-secret", "a-real-secret-nobody-documented-0123456789"))))
                .hasMessageStartingWith("Refusing to start: set REVOS_MANAGEMENT_PORT");
        assertThatThrownBy(() -> LocalDefaultSecrets.check(serviceFile(Map.of("server.port", "8082",
                "management.server.port", "8082")))).hasMessageContaining("REVOS_MANAGEMENT_PORT");
    }

    @Test
    void a_spring_application_fails_before_any_bean_with_one_line_saying_what_to_set() {
        var application = new SpringApplicationBuilder(OnlyTheGuard.class).web(WebApplicationType.NONE)
                .properties("revos.security.jwt-secret=${REVOS_JWT_SECRET:" + LOCAL_JWT_SECRET + "}",
                        "spring.main.banner-mode=off");

        assertThatThrownBy(() -> application.run()).isInstanceOf(LocalDefaultSecrets.MissingSecretException.class);
        var analysis = new LocalDefaultSecretsAnalyzer().analyze(new IllegalStateException(
                new LocalDefaultSecrets.MissingSecretException("REVOS_JWT_SECRET", "revos.security.jwt-secret")));
        assertThat(analysis.getDescription()).contains("set REVOS_JWT_SECRET").doesNotContain("\n");
        assertThat(analysis.getAction()).contains("REVOS_JWT_SECRET");

        try (var context = new SpringApplicationBuilder(OnlyTheGuard.class).web(WebApplicationType.NONE)
                .profiles("local").properties("revos.security.jwt-secret=" + LOCAL_JWT_SECRET,
                        "spring.main.banner-mode=off").run()) {
            assertThat(context.isActive()).isTrue();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import(LocalDefaultSecretsAutoConfiguration.class)
    static class OnlyTheGuard {
    }
}
