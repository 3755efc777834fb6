package com.revos.voice.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;

/**
 * Refuses to start a service whose secrets are unset or still one of the local defaults the README documents
 * (anyone can read those and mint operator tokens or forge webhooks), unless the {@code local} profile is active:
 * {@code ./revos up}, the tests and compose's local settings activate it (ADR 0016). Outside it, the management
 * endpoints need a port of their own. The refusal names the variable to set, never a value.
 */
final class LocalDefaultSecrets {

    static final String LOCAL_PROFILE = "local";

    /** The secrets of every service, by property; a service checks those it configures. */
    static final List<String> SECRET_PROPERTIES = List.of(
            "revos.security.jwt-secret",
            "revos.security.jwt-previous-keys",
            "spring.datasource.password",
            "revos.providers.elevenlabs.api-key",
            "revos.dialer.elevenlabs.api-key",
            "revos.dialer.twilio.auth-token",
            "revos.providers.twilio.auth-token",
            "revos.webhooks.elevenlabs.secrets",
            "revos.webhooks.twilio.auth-token");

    /** The values README, compose and the service files give for a local run: public, so never secret. */
    static final Set<String> LOCAL_DEFAULTS = Set.of(
            "local-dev-jwt-secret-change-me-0123456789abcdef",
            "local-webhook-secret",
            "local-twilio-token",
            "local-elevenlabs-key",
            "local-simulator-key",
            "postgres");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(:[^}]*)?}");

    private LocalDefaultSecrets() {
    }

    /** @throws MissingSecretException for the first secret that is unset or a local default */
    static void check(ConfigurableEnvironment environment) {
        if (environment.matchesProfiles(LOCAL_PROFILE)) {
            return;
        }
        for (var property : properties(environment)) {
            if (!environment.containsProperty(property)) {
                continue;
            }
            var rotation = property.endsWith("previous-keys");
            var secrets = values(environment, property);
            if (secrets.isEmpty() && rotation) {
                continue;
            }
            if (secrets.isEmpty() || secrets.stream().anyMatch(s -> s.isEmpty() || LOCAL_DEFAULTS.contains(s))) {
                throw new MissingSecretException(variable(environment, property), property);
            }
        }
        requireManagementPort(environment);
    }

    /** The secret properties of the service: the shared list and its own {@code revos.secrets.additional-properties}. */
    static List<String> properties(Environment environment) {
        var extra = environment.getProperty("revos.secrets.additional-properties", String[].class, new String[0]);
        var properties = new ArrayList<>(SECRET_PROPERTIES);
        properties.addAll(List.of(extra));
        return properties;
    }

    /** The secret values of one property (of a rotation's {@code kid:secret} pairs, the secrets), stripped. */
    static List<String> values(Environment environment, String property) {
        var rotation = property.endsWith("previous-keys");
        return List.of(environment.getProperty(property, String[].class, new String[0])).stream()
                .map(value -> rotation ? value.substring(value.indexOf(':') + 1) : value)
                .map(String::strip).toList();
    }

    /**
     * The metrics name campaigns: outside a local run they are served on a management port of their own, which the
     * gateway does not route (ADR 0016), never on the application port.
     */
    private static void requireManagementPort(ConfigurableEnvironment environment) {
        var management = environment.getProperty("management.server.port", "");
        if (management.isBlank() || management.equals(environment.getProperty("server.port", "8080"))) {
            throw new MissingSecretException("REVOS_MANAGEMENT_PORT", "management.server.port",
                    "Refusing to start: set REVOS_MANAGEMENT_PORT (management.server.port) to a port of its own; "
                            + "metrics and health details must not share the port the gateway exposes. Only the "
                            + "'local' profile (./revos up, the tests, compose's local settings) serves them there.");
        }
    }

    /** The environment variable the service's own file reads the property from, else the property itself. */
    static String variable(ConfigurableEnvironment environment, String property) {
        for (var source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> && source.containsProperty(property)) {
                var raw = source.getProperty(property);
                var matcher = PLACEHOLDER.matcher(String.valueOf(raw));
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
        }
        return property;
    }

    /** The one line a refused start prints. */
    static final class MissingSecretException extends IllegalStateException {

        private final String variable;

        MissingSecretException(String variable, String property) {
            this(variable, property, "Refusing to start: set " + variable + " (" + property + ") to a real secret; "
                    + "it is unset or one of the documented local defaults. Only the 'local' profile (./revos up, "
                    + "the tests, compose's local settings) runs with those.");
        }

        MissingSecretException(String variable, String property, String message) {
            super(message);
            this.variable = variable;
        }

        String variable() {
            return variable;
        }
    }
}
