package com.revos.voice.service;

import java.util.LinkedHashMap;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings every service shares, at the lowest precedence (a service's own file or arguments still win): the token
 * settings' environment variables ({@code REVOS_JWT_KEY_ID}, {@code REVOS_JWT_PREVIOUS_KEYS}, {@code REVOS_JWT_ISSUER},
 * {@code REVOS_JWT_AUDIENCE}, {@code REVOS_JWT_MAX_LIFETIME}, ADR 0015), and the operational endpoints (ADR 0016):
 * the management port ({@code REVOS_MANAGEMENT_PORT}, unset: the application port, allowed only locally) and health
 * details for the operator role only.
 */
class ServiceEnvironmentDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var settings = new LinkedHashMap<String, Object>();
        settings.put("revos.security.jwt-key-id", "${REVOS_JWT_KEY_ID:" + LocalTokens.DEFAULT_KEY_ID + "}");
        settings.put("revos.security.jwt-previous-keys", "${REVOS_JWT_PREVIOUS_KEYS:}");
        settings.put("revos.security.tokens.issuer", "${REVOS_JWT_ISSUER:" + LocalTokens.DEFAULT_ISSUER + "}");
        settings.put("revos.security.tokens.audience", "${REVOS_JWT_AUDIENCE:" + LocalTokens.DEFAULT_AUDIENCE + "}");
        settings.put("revos.security.tokens.max-lifetime", "${REVOS_JWT_MAX_LIFETIME:12h}");
        settings.put("management.server.port", "${REVOS_MANAGEMENT_PORT:}");
        settings.put("management.endpoint.health.show-details", "when-authorized");
        settings.put("management.endpoint.health.show-components", "when-authorized");
        settings.put("management.endpoint.health.roles", Caller.OPERATOR);
        environment.getPropertySources().addLast(new MapPropertySource("revos-service-defaults", settings));
    }
}
