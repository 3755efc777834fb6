package com.revos.voice.local;

import com.revos.voice.console.ConsoleApplication;
import com.revos.voice.dialer.DialerApplication;
import com.revos.voice.optimizer.OptimizerApplication;
import com.revos.voice.provisioning.ProvisioningApplication;
import com.revos.voice.simulator.TelephonySimulatorApplication;
import com.revos.voice.webhook.WebhookIngestApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default, in one JVM: a real Kafka broker, a real PostgreSQL, the telephony simulator, the four
 * services and the web console, each as its own Spring application on its own port (ADR 0006, 0013). Ctrl-C stops everything in reverse.
 * {@code --demo} then runs a demo campaign; {@code token ...} only prints tokens.
 */
public final class LocalStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    static final Path HOME = Path.of(System.getProperty("revos.local.home", ".local"));

    private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
    private final Console console = new Console();

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("token")) {
            TokenCommand.run(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        new LocalStack().run(Arrays.asList(args).contains("--demo"));
    }

    private void run(boolean demo) throws Exception {
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            console.line("Stopping RevOS Voice ...");
            stopAll();
            stopped.countDown();
        }));
        var ports = LocalPorts.fromEnvironment();
        var total = 8;
        var postgres = console.step(1, total, "PostgreSQL on port " + ports.postgres() + " (data in "
                + HOME.resolve("postgres") + ")", () -> LocalPostgres.start(HOME.resolve("postgres"), ports.postgres()));
        started.add(postgres);
        var kafka = console.step(2, total, "Kafka broker on port " + ports.kafka() + " (KRaft, data in "
                + HOME.resolve("kafka") + ")", () -> LocalKafka.start(HOME.resolve("kafka"), ports.kafka()));
        started.add(kafka);

        // the optimizer's local state belongs with the broker whose changelogs it mirrors: state left in the shared
        // temp directory by another stack would not match this broker and be rebuilt noisily at start
        var services = new ServiceLauncher(postgres.jdbcUrl(), kafka.bootstrapServers(), ports,
                Map.of("revos.optimizer.streams.state-dir", HOME.resolve("kafka-streams").toAbsolutePath()));
        started.add(console.step(3, total, "telephony simulator on port " + ports.simulator(),
                () -> services.startSimulator(TelephonySimulatorApplication.class,
                        TelephonySimulatorApplication.CONFIG_NAME, ports.simulator())));
        started.add(console.step(4, total, "voice-webhook-ingest on port " + ports.webhookIngest(),
                () -> services.start(WebhookIngestApplication.class, WebhookIngestApplication.CONFIG_NAME,
                        ports.webhookIngest(), false)));
        started.add(console.step(5, total, "voice-provisioning on port " + ports.provisioning(),
                () -> services.start(ProvisioningApplication.class, ProvisioningApplication.CONFIG_NAME,
                        ports.provisioning(), true)));
        started.add(console.step(6, total, "voice-dialer on port " + ports.dialer(),
                () -> services.start(DialerApplication.class, DialerApplication.CONFIG_NAME, ports.dialer(), true)));
        started.add(console.step(7, total, "kernel-optimizer on port " + ports.optimizer(),
                () -> services.start(OptimizerApplication.class, OptimizerApplication.CONFIG_NAME, ports.optimizer(),
                        true)));
        started.add(console.step(8, total, "voice-console on port " + ports.console(),
                () -> services.startConsole(ConsoleApplication.class, ConsoleApplication.CONFIG_NAME,
                        ports.console())));

        var tokens = LocalTokenIssuer.fromEnvironment();
        console.banner(ports, kafka.bootstrapServers(), postgres.jdbcUrl(), tokens);
        if (demo) {
            new DemoCampaign(ports, tokens, console).run();
        }
        console.line("RevOS Voice is running. Press Ctrl-C to stop.");
        stopped.await();
    }

    private void stopAll() {
        var reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        for (var part : reversed) {
            try {
                part.close();
            } catch (Exception e) {
                log.warn("Stopping {} failed: {}", part, e.getMessage());
            }
        }
        started.clear();
    }
}
