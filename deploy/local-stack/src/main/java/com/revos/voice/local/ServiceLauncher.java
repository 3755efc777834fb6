package com.revos.voice.local;

import com.revos.voice.local.logging.ServiceName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts one service as its own Spring application in this JVM, pointed at the local broker, database and simulator.
 * A port of 0 lets the web server bind any free port; the service then reports the one it got.
 */
final class ServiceLauncher {

    private static final String STATE_DIR = "revos.optimizer.streams.state-dir";

    private final String jdbcUrl;
    private final String kafka;
    private final Map<String, Object> overrides;

    /**
     * With overrides for every service (the stack: where the optimizer keeps its state; tests: drop replication slots
     * on close, a seeded simulator).
     */
    ServiceLauncher(String jdbcUrl, String kafka, Map<String, Object> overrides) {
        this.jdbcUrl = jdbcUrl;
        this.kafka = kafka;
        var all = new HashMap<String, Object>(overrides);
        // the optimizer's local stores belong to this broker: left in a shared directory by an earlier run against
        // another broker, their checkpoints name offsets this one never had, and its global store refuses to start
        all.computeIfAbsent(STATE_DIR, key -> freshStateDir());
        this.overrides = Map.copyOf(all);
    }

    private static String freshStateDir() {
        try {
            return Files.createTempDirectory("kernel-optimizer-state-").toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a state directory for the optimizer", e);
        }
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

    /**
     * The console is a gateway client: no database, no broker, and its own session-based security instead of the
     * services' JWT resource server, which this shared classpath would otherwise add to it. Local profile: one-click
     * sign-in with the local secret, plain-http cookies. In a JVM of its own most of these are absent, which is fine.
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

    /**
     * What a service is told, in this JVM or its own: its port, the broker, the database when it owns a schema, and
     * its peers as they bound ({@code WEBHOOK_INGEST} for the simulator's webhooks, {@code SIMULATOR} for the
     * provider APIs, {@code PROVISIONING}, {@code DIALER} and {@code OPTIMIZER} for the console).
     */
    static Map<String, Object> settings(LocalService service, int port, String kafka, String jdbcUrl,
                                        Map<LocalService, String> peers) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("spring.config.name", service.serviceName());
        properties.put("server.port", port);
        properties.put("spring.main.banner-mode", "off");
        // the stack runs on the README's local secrets, which a service refuses to start with outside this profile
        properties.put("spring.profiles.active", "local");
        properties.put("spring.kafka.bootstrap-servers", kafka);
        properties.put("spring.cloud.stream.kafka.binder.brokers", kafka);
        properties.put("spring.cloud.stream.kafka.streams.binder.brokers", kafka);
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.com.revos", "INFO");
        if (service == LocalService.WEBHOOK_INGEST && System.getenv("REVOS_WEBHOOKS_KAFKA_LINGER") == null) {
            // on a laptop the broker shares the CPU with everything else: fuller batches cost it fewer requests than
            // the 1 ms of the service's default, for a few milliseconds more per webhook (docs/benchmarks.md)
            properties.put("revos.webhooks.kafka.linger", "5ms");
        }
        var simulator = peers.get(LocalService.SIMULATOR);
        if (service == LocalService.SIMULATOR) {
            properties.put("spring.autoconfigure.exclude", NOT_FOR_THE_SIMULATOR);
            properties.put("revos.simulator.webhook-url",
                    peers.get(LocalService.WEBHOOK_INGEST) + "/webhooks/elevenlabs/post-call");
        } else if (service == LocalService.CONSOLE) {
            properties.put("spring.autoconfigure.exclude", NOT_FOR_THE_CONSOLE);
            properties.put("revos.console.provisioning-url", peer(peers, LocalService.PROVISIONING));
            properties.put("revos.console.dialer-url", peer(peers, LocalService.DIALER));
            properties.put("revos.console.optimizer-url", peer(peers, LocalService.OPTIMIZER));
        } else if (simulator != null) {
            if (System.getenv("ELEVENLABS_BASE_URL") == null) {
                properties.put("ELEVENLABS_BASE_URL", simulator);
                if (service == LocalService.DIALER) {
                    // the simulator keeps each call's send time beside its arrival (the pacing witness)
                    properties.put("revos.dialer.elevenlabs.send-time-header", "X-Revos-Sent-At");
                }
            }
            if (System.getenv("TWILIO_BASE_URL") == null) {
                properties.put("TWILIO_BASE_URL", simulator);
            }
        }
        if (service.ownsSchema()) {
            if (System.getenv("REVOS_OUTBOX_POLLINTERVAL") == null) {
                // Debezium's queue spins through the last millisecond of every poll (its timer counts whole
                // milliseconds): at the 20 ms default that is 4 % of a core per relay, doing nothing, on the two
                // cores the whole stack shares. A relayed event waits up to 100 ms instead, well inside the relay's
                // 1 s target (ADR 0032)
                properties.put("revos.outbox.poll-interval", "100ms");
            }
            properties.put("spring.datasource.url", jdbcUrl);
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.datasource.password", "postgres");
        }
        return properties;
    }

    private static String peer(Map<LocalService, String> peers, LocalService peer) {
        var url = peers.get(peer);
        if (url == null) {
            throw new IllegalStateException("voice-console calls " + peer.serviceName() + ": start it first");
        }
        return url;
    }

    /** @param webhookIngest where the simulator sends webhooks; {@code simulator} where the services find it */
    Service start(LocalService service, int port, String webhookIngest, String simulator) {
        var peers = new EnumMap<LocalService, String>(LocalService.class);
        if (webhookIngest != null) {
            peers.put(LocalService.WEBHOOK_INGEST, webhookIngest);
        }
        if (simulator != null) {
            peers.put(LocalService.SIMULATOR, simulator);
        }
        return start(service, port, peers);
    }

    /** @param peers the URLs of the parts it calls, as they bound */
    Service start(LocalService service, int port, Map<LocalService, String> peers) {
        var properties = settings(service, port, kafka, jdbcUrl, peers);
        // the stack's own hook stops the services first, then Kafka and PostgreSQL: no per-application hooks racing it
        properties.put("spring.main.register-shutdown-hook", "false");
        properties.put("logging.register-shutdown-hook", "false");
        properties.putAll(overrides);
        // command-line style arguments outrank each service's own yml, defaults (properties()) would not
        var arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        // every thread the application starts inherits its name: its log lines go to its own file, labelled with it
        var context = ServiceName.callAs(service.serviceName(),
                () -> new SpringApplicationBuilder(service.application()).run(arguments));
        return new Service(service, context);
    }

    record Service(LocalService service, ConfigurableApplicationContext context) implements AutoCloseable {

        String name() {
            return service.serviceName();
        }

        /** The port its web server bound: the one asked for, or the one it got for 0. */
        int port() {
            var server = ((WebServerApplicationContext) context).getWebServer();
            if (server == null) {
                throw new IllegalStateException(name() + " has no web server");
            }
            return server.getPort();
        }

        String url() {
            return "http://localhost:" + port();
        }

        @Override
        public void close() {
            context.close();
        }

        @Override
        public String toString() {
            return name();
        }
    }
}
