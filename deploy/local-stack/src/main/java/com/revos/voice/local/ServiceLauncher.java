package com.revos.voice.local;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts one service as its own Spring application, pointed at the local broker, database and simulator. */
final class ServiceLauncher {

    private final String jdbcUrl;
    private final String kafka;
    private final LocalPorts ports;
    private final Map<String, Object> overrides;

    /**
     * With overrides for every service (the stack: where the optimizer keeps its state; tests: drop replication slots
     * on close, a seeded simulator).
     */
    ServiceLauncher(String jdbcUrl, String kafka, LocalPorts ports, Map<String, Object> overrides) {
        this.jdbcUrl = jdbcUrl;
        this.kafka = kafka;
        this.ports = ports;
        this.overrides = Map.copyOf(overrides);
    }

    /**
     * The simulator stands in for the SaaS: in this shared classpath it must not pick up the services' JWT security,
     * database or outbox auto-configuration.
     */
    private static final String NOT_FOR_THE_SIMULATOR = String.join(",",
            "com.revos.voice.service.ServiceSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration");

    Service startSimulator(Class<?> application, String configName, int port) {
        return start(application, configName, port, false, Map.of("spring.autoconfigure.exclude", NOT_FOR_THE_SIMULATOR,
                "revos.simulator.webhook-url",
                "http://localhost:" + ports.webhookIngest() + "/webhooks/elevenlabs/post-call"));
    }

    /**
     * The console is a gateway client: no database, no broker, and its own session-based security instead of the
     * services' JWT resource server, which this shared classpath would otherwise add to it. Local profile: one-click
     * sign-in with the local secret, plain-http cookies.
     */
    private static final String NOT_FOR_THE_CONSOLE = String.join(",",
            "com.revos.voice.service.ServiceSecurityAutoConfiguration",
            "com.revos.voice.service.ApiDocumentAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration");

    Service startConsole(Class<?> application, String configName, int port) {
        return start(application, configName, port, false, Map.of("spring.autoconfigure.exclude", NOT_FOR_THE_CONSOLE,
                "spring.profiles.active", "local",
                "revos.console.provisioning-url", "http://localhost:" + ports.provisioning(),
                "revos.console.dialer-url", "http://localhost:" + ports.dialer(),
                "revos.console.optimizer-url", "http://localhost:" + ports.optimizer()));
    }

    Service start(Class<?> application, String configName, int port, boolean ownsSchema) {
        return start(application, configName, port, ownsSchema, Map.of());
    }

    private Service start(Class<?> application, String configName, int port, boolean ownsSchema,
                          Map<String, Object> extra) {
        var properties = new HashMap<String, Object>();
        properties.put("spring.config.name", configName);
        properties.put("server.port", port);
        properties.put("spring.main.banner-mode", "off");
        // the stack runs on the README's local secrets, which a service refuses to start with outside this profile
        properties.put("spring.profiles.active", "local");
        // the stack's own hook stops the services first, then Kafka and PostgreSQL: no per-application hooks racing it
        properties.put("spring.main.register-shutdown-hook", "false");
        properties.put("logging.register-shutdown-hook", "false");
        properties.put("spring.kafka.bootstrap-servers", kafka);
        properties.put("spring.cloud.stream.kafka.binder.brokers", kafka);
        properties.put("spring.cloud.stream.kafka.streams.binder.brokers", kafka);
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.com.revos", "INFO");
        var simulator = "http://localhost:" + ports.simulator();
        if (System.getenv("ELEVENLABS_BASE_URL") == null) {
            properties.put("ELEVENLABS_BASE_URL", simulator);
        }
        if (System.getenv("TWILIO_BASE_URL") == null) {
            properties.put("TWILIO_BASE_URL", simulator);
        }
        if (ownsSchema) {
            properties.put("spring.datasource.url", jdbcUrl);
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.datasource.password", "postgres");
        }
        properties.putAll(extra);
        properties.putAll(overrides);
        // command-line style arguments outrank each service's own yml, defaults (properties()) would not
        var arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        var context = new SpringApplicationBuilder(application).run(arguments);
        return new Service(configName, context);
    }

    record Service(String name, ConfigurableApplicationContext context) implements AutoCloseable {
        @Override
        public void close() {
            context.close();
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
