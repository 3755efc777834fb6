package com.revos.voice.local;

import com.revos.voice.console.ConsoleApplication;
import com.revos.voice.dialer.DialerApplication;
import com.revos.voice.optimizer.OptimizerApplication;
import com.revos.voice.provisioning.ProvisioningApplication;
import com.revos.voice.simulator.TelephonySimulatorApplication;
import com.revos.voice.webhook.WebhookIngestApplication;
import java.util.Arrays;
import java.util.Locale;

/**
 * The services of the local stack, in the order they start: the intake first (the simulator's webhooks go to it),
 * then the simulator (every other service calls it as ElevenLabs and Twilio), then the services that own a schema,
 * then the web console, which calls provisioning, the dialer and the optimizer (ADR 0013).
 */
enum LocalService {

    WEBHOOK_INGEST(WebhookIngestApplication.class, WebhookIngestApplication.CONFIG_NAME, "voice-webhook-ingest",
            false, "WEBHOOK_INGEST_PORT", 8083),
    SIMULATOR(TelephonySimulatorApplication.class, TelephonySimulatorApplication.CONFIG_NAME,
            "deploy/telephony-simulator", false, "SIMULATOR_PORT", 8090),
    PROVISIONING(ProvisioningApplication.class, ProvisioningApplication.CONFIG_NAME, "voice-provisioning", true,
            "PROVISIONING_PORT", 8081),
    DIALER(DialerApplication.class, DialerApplication.CONFIG_NAME, "voice-dialer", true, "DIALER_PORT", 8082),
    OPTIMIZER(OptimizerApplication.class, OptimizerApplication.CONFIG_NAME, "kernel-optimizer", true,
            "OPTIMIZER_PORT", 8084),
    CONSOLE(ConsoleApplication.class, ConsoleApplication.CONFIG_NAME, "voice-console", false, "CONSOLE_PORT", 8080);

    private final Class<?> application;
    private final String serviceName;
    private final String module;
    private final boolean ownsSchema;
    private final String portVariable;
    private final int defaultPort;

    LocalService(Class<?> application, String serviceName, String module, boolean ownsSchema, String portVariable,
                 int defaultPort) {
        this.application = application;
        this.serviceName = serviceName;
        this.module = module;
        this.ownsSchema = ownsSchema;
        this.portVariable = portVariable;
        this.defaultPort = defaultPort;
    }

    Class<?> application() {
        return application;
    }

    /** Its {@code spring.config.name}, its log file's name and the name in each of its log lines. */
    String serviceName() {
        return serviceName;
    }

    /** Where its exec jar is built, relative to the repository. */
    String module() {
        return module;
    }

    boolean ownsSchema() {
        return ownsSchema;
    }

    String portVariable() {
        return portVariable;
    }

    int defaultPort() {
        return defaultPort;
    }

    /** {@code dialer}, {@code voice-dialer} or {@code DIALER}: what a person types after {@code --replicas}. */
    static LocalService named(String name) {
        var wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(service -> service.serviceName.equals(wanted) || service.serviceName.endsWith("-" + wanted)
                        || service.name().toLowerCase(Locale.ROOT).equals(wanted.replace('-', '_')))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service called " + name + "; one of "
                        + Arrays.stream(values()).map(LocalService::serviceName).toList()));
    }
}
