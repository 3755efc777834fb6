package com.revos.voice.local;

import com.revos.voice.local.logging.ServiceName;
import com.revos.voice.local.logging.WhileRunning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The embedded default: a real Kafka broker, a real PostgreSQL, the telephony simulator, the four services and the
 * web console (ADR 0013). By default in one JVM, each its own Spring application on its own port (ADR 0006); with
 * {@code --processes} each from its own exec jar in its own JVM, {@code --replicas dialer=2} running a service twice
 * (ADR 0018). The terminal shows the steps and the banner; each part logs to {@code .local/logs/<part>.log}
 * (ADR 0017). Ctrl-C stops everything in reverse order. {@code --demo} then runs a demo campaign; {@code token ...}
 * only prints tokens.
 */
public final class LocalStack {

    static final Path HOME = Path.of(System.getProperty("revos.local.home", ".local"));
    /** The services' rows; the console has the banner's first line, a slot of its own. */
    private static final List<LocalService> BANNER_ORDER = List.of(LocalService.PROVISIONING, LocalService.DIALER,
            LocalService.WEBHOOK_INGEST, LocalService.OPTIMIZER, LocalService.SIMULATOR);

    private final StackOptions options;
    private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
    private final List<Instance> instances = Collections.synchronizedList(new ArrayList<>());
    private final Console console;

    private LocalStack(StackOptions options) {
        this.options = options;
        var done = Integer.getInteger("revos.steps.done", 0);
        this.console = new Console(System.out, done, done + 3 + options.plan().size());
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("token")) {
            TokenCommand.run(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        StackOptions options;
        try {
            options = StackOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        forgetOldLogs();
        // the stack owns logging (one file per service, ADR 0017): the applications must not reconfigure it, and it
        // must be configured before anything logs
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "local-stack-logback.xml");
        }
        // Tomcat logs through java.util.logging, which would otherwise write to the console
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        new LocalStack(options).run();
    }

    /** Logs of an earlier run's instances (a replica not started this time) would read as this run's. */
    private static void forgetOldLogs() throws IOException {
        var logs = HOME.resolve("logs");
        if (!Files.isDirectory(logs)) {
            return;
        }
        try (var files = Files.list(logs)) {
            for (var file : files.filter(f -> f.toString().endsWith(".log")
                    && !f.getFileName().toString().equals("build.log")).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private void run() throws Exception {
        var ports = LocalPorts.fromEnvironment();
        var plan = options.plan();
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            WhileRunning.stopping();
            if (!started.isEmpty()) {
                console.line("Stopping RevOS Voice ...");
                stopAll();
                console.line("Stopped.");
            }
            stopped.countDown();
        }));
        try {
            start(ports, plan);
        } catch (Exception e) {
            console.warn(String.valueOf(e.getMessage()));
            System.exit(1);
        }
        var tokens = LocalTokenIssuer.fromEnvironment();
        var running = List.copyOf(instances);
        console.banner(banner(running, consoleRow(running), ports, tokens));
        if (options.demo()) {
            new DemoCampaign(ports, tokens, console).run();
        }
        console.line("RevOS Voice is running. Press Ctrl-C to stop.");
        stopped.await();
    }

    private void start(LocalPorts ports, List<Instance> plan) throws Exception {
        console.step("checking ports", "free", () -> {
            var problems = PortCheck.taken(portsOf(ports, plan));
            if (!problems.isEmpty()) {
                problems.subList(0, problems.size() - 1).forEach(console::warn);
                throw new IllegalStateException(problems.getLast());
            }
            return null;
        });
        var postgres = console.step("PostgreSQL on port " + ports.postgres() + " (data in " + HOME.resolve("postgres")
                + ")", () -> ServiceName.callAs("postgres",
                () -> LocalPostgres.start(HOME.resolve("postgres"), ports.postgres())));
        started.add(postgres);
        var kafka = console.step("Kafka broker on port " + ports.kafka() + " (KRaft, data in " + HOME.resolve("kafka")
                + ")", () -> ServiceName.callAs("kafka", () -> LocalKafka.start(HOME.resolve("kafka"), ports.kafka())));
        started.add(kafka);

        // the optimizer's local state belongs with the broker whose changelogs it mirrors: state left in the shared
        // temp directory by another stack would not match this broker and be rebuilt noisily at start
        Map<String, Object> overrides = Map.of("revos.optimizer.streams.state-dir",
                HOME.resolve("kafka-streams").toAbsolutePath());
        var inProcess = new ServiceLauncher(postgres.jdbcUrl(), kafka.bootstrapServers(), overrides);
        var processes = new ProcessLauncher(Path.of("."), HOME.resolve("logs"), postgres.jdbcUrl(),
                kafka.bootstrapServers(), overrides);
        // each part is told where the parts it calls are as they bound: the intake before the simulator, the
        // simulator before the services, the services before the console (LocalService's order)
        var peers = new EnumMap<LocalService, String>(LocalService.class);
        for (var instance : plan) {
            var how = options.processes() ? "in its own JVM" : "";
            AutoCloseable part = console.step(instance.name() + " on port " + instance.port()
                    + (how.isEmpty() ? "" : " (" + how + ")"), () -> {
                        try {
                            return options.processes()
                                    ? processes.start(instance.service(), instance.replica(), instance.port(), peers,
                                            ReplicaSettings.of(instance.service(), instance.replica(), HOME))
                                    : inProcess.start(instance.service(), instance.port(), peers);
                        } catch (RuntimeException e) {
                            throw new IllegalStateException(instance.name() + " failed to start: " + e.getMessage()
                                    + " (details: ./revos logs " + instance.name() + ")", e);
                        }
                    });
            started.add(part);
            var bound = part instanceof ServiceLauncher.Service service ? service.port() : instance.port();
            if (instance.replica() == 1) {
                peers.put(instance.service(), "http://localhost:" + bound);
            }
            instances.add(new Instance(instance.service(), instance.replica(), bound));
        }
    }

    private static Map<String, PortCheck.Port> portsOf(LocalPorts ports, List<Instance> plan) {
        var all = new LinkedHashMap<String, PortCheck.Port>();
        all.put("PostgreSQL", new PortCheck.Port(ports.postgres(), "POSTGRES_PORT"));
        all.put("Kafka broker", new PortCheck.Port(ports.kafka(), "KAFKA_PORT"));
        all.put("Kafka controller", new PortCheck.Port(ports.kafkaController(), "KAFKA_PORT"));
        plan.forEach(instance -> all.put(instance.name(),
                new PortCheck.Port(instance.port(), instance.service().portVariable())));
        return all;
    }

    static Console.Banner banner(List<Instance> instances, Optional<Console.Row> console, LocalPorts ports,
                                 LocalTokenIssuer tokens) {
        var rows = new ArrayList<Console.Row>();
        for (var service : BANNER_ORDER) {
            instances.stream().filter(instance -> instance.service() == service).forEach(instance ->
                    rows.add(new Console.Row(instance.name(), "http://localhost:" + instance.port(), hint(instance))));
        }
        return new Console.Banner(console, rows, "localhost:" + ports.kafka(),
                "jdbc:postgresql://localhost:" + ports.postgres() + "/" + LocalPostgres.DATABASE,
                LocalTokenIssuer.DEMO_TENANT.toString(), tokens.tenant(LocalTokenIssuer.DEMO_TENANT), tokens.operator(),
                ports.provisioning());
    }

    /** The banner's first line: where the console is, when it runs. */
    static Optional<Console.Row> consoleRow(List<Instance> instances) {
        return instances.stream().filter(instance -> instance.service() == LocalService.CONSOLE).findFirst()
                .map(instance -> new Console.Row(instance.name(), "http://localhost:" + instance.port(),
                        "one-click sign-in as the demo tenant or operator"));
    }

    private static String hint(Instance instance) {
        if (instance.replica() > 1) {
            return "replica " + instance.replica() + ", own JVM";
        }
        return switch (instance.service()) {
            case PROVISIONING -> "OpenAPI: /v3/api-docs";
            case WEBHOOK_INGEST -> "POST /webhooks/elevenlabs/post-call";
            case SIMULATOR -> "GET /simulator/config, /simulator/calls";
            default -> "";
        };
    }

    private void stopAll() {
        var reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        for (var part : reversed) {
            try {
                part.close();
            } catch (Exception e) {
                LoggerFactory.getLogger(LocalStack.class).warn("Stopping {} failed: {}", part, e.getMessage());
            }
        }
        started.clear();
    }

    /** One service instance of the plan: the first of a service on its port, a replica on its port + 100. */
    record Instance(LocalService service, int replica, int port) {
        String name() {
            return ProcessLauncher.instanceName(service, replica);
        }
    }

    /** {@code --demo}, {@code --processes}, {@code --replicas dialer=2[,optimizer=2]}. */
    record StackOptions(boolean demo, boolean processes, Map<LocalService, Integer> replicas) {

        static StackOptions parse(String[] args) {
            var demo = false;
            var processes = false;
            var replicas = new LinkedHashMap<LocalService, Integer>();
            for (int i = 0; i < args.length; i++) {
                var arg = args[i];
                switch (arg) {
                    case "--demo" -> demo = true;
                    case "--processes" -> processes = true;
                    case "--replicas" -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("--replicas needs <service>=<count>, e.g. dialer=2");
                        }
                        replicas(args[++i], replicas);
                    }
                    default -> {
                        if (arg.startsWith("--replicas=")) {
                            replicas(arg.substring("--replicas=".length()), replicas);
                        } else {
                            throw new IllegalArgumentException("Unknown option " + arg
                                    + ". Usage: ./revos up [--demo] [--processes [--replicas dialer=2]]");
                        }
                    }
                }
            }
            if (!replicas.isEmpty() && !processes) {
                throw new IllegalArgumentException("--replicas runs a service twice, which needs a JVM per service: "
                        + "add --processes");
            }
            return new StackOptions(demo, processes, replicas);
        }

        private static void replicas(String value, Map<LocalService, Integer> replicas) {
            for (var entry : value.split(",")) {
                var parts = entry.split("=");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("--replicas takes <service>=<count>, e.g. dialer=2; not " + entry);
                }
                var count = Integer.parseInt(parts[1].trim());
                if (count < 1 || count > 9) {
                    throw new IllegalArgumentException("--replicas " + entry + ": between 1 and 9 instances");
                }
                var service = LocalService.named(parts[0]);
                if (service == LocalService.CONSOLE && count > 1) {
                    // the banner has one console slot, and its sign-in sessions live in its memory (no affinity here)
                    throw new IllegalArgumentException("--replicas " + entry + ": the console runs once");
                }
                replicas.put(service, count);
            }
        }

        /** Every instance to start, in start order. */
        List<Instance> plan() {
            var ports = LocalPorts.fromEnvironment();
            var plan = new ArrayList<Instance>();
            for (var service : LocalService.values()) {
                for (int replica = 1; replica <= replicas.getOrDefault(service, 1); replica++) {
                    plan.add(new Instance(service, replica, ProcessLauncher.replicaPort(ports.of(service), replica)));
                }
            }
            return plan;
        }
    }
}
