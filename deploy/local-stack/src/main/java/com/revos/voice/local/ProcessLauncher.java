package com.revos.voice.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code ./revos up --processes}: starts one service from its own exec jar in its own JVM, against the stack's
 * broker and database, its output in {@code .local/logs/<instance>.log}, and waits until it answers on its port.
 * A second instance of a service ({@code --replicas dialer=2}) is {@code voice-dialer-2} on its port + 100 (ADR 0018).
 */
final class ProcessLauncher {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final Path repository;
    private final Path logs;
    private final String jdbcUrl;
    private final String kafka;
    private final Map<String, Object> overrides;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    ProcessLauncher(Path repository, Path logs, String jdbcUrl, String kafka, Map<String, Object> overrides) {
        this.repository = repository;
        this.logs = logs;
        this.jdbcUrl = jdbcUrl;
        this.kafka = kafka;
        this.overrides = Map.copyOf(overrides);
    }

    static String instanceName(LocalService service, int replica) {
        return replica == 1 ? service.serviceName() : service.serviceName() + "-" + replica;
    }

    static int replicaPort(int port, int replica) {
        return port + 100 * (replica - 1);
    }

    /**
     * @param peers the URLs of the parts it calls, as they bound (see {@link ServiceLauncher#settings})
     * @param extra this instance's own settings (a replica's), over everything else
     */
    RunningService start(LocalService service, int replica, int port, Map<LocalService, String> peers,
                         Map<String, Object> extra) throws IOException {
        var instance = instanceName(service, replica);
        var properties = ServiceLauncher.settings(service, port, kafka, jdbcUrl, peers);
        properties.put("logging.pattern.console",
                "%d{yyyy-MM-dd HH:mm:ss.SSS} %5level [" + instance + "] [%thread] %logger{36} : %msg%n");
        properties.putAll(overrides);
        properties.putAll(extra);
        var command = new ArrayList<String>();
        if (Files.isExecutable(SETSID)) {
            // a session of its own: Ctrl-C reaches the stack only, which stops the services in order, before the
            // broker and the database they use
            command.add(SETSID.toString());
        }
        command.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JvmOptions.forProcess(service));
        command.add("-jar");
        command.add(execJar(service).toString());
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        Files.createDirectories(logs);
        var log = logs.resolve(instance + ".log");
        var process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        var running = new RunningService(instance, port, process, log);
        awaitAnswering(running);
        return running;
    }

    private Path execJar(LocalService service) throws IOException {
        var target = repository.resolve(service.module()).resolve("target");
        try (var files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No exec jar in " + target
                            + ": build first (./revos up builds it)"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalStateException("No " + target + ": build first (./revos up builds it)", e);
        }
    }

    private void awaitAnswering(RunningService service) {
        var health = URI.create("http://localhost:" + service.port() + "/actuator/health");
        var deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.process().isAlive()) {
                throw new IllegalStateException(service.name() + " exited with code " + service.process().exitValue()
                        + " while starting: " + service.lastError());
            }
            try {
                var response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while " + service.name() + " started", e);
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
        service.close();
        throw new IllegalStateException(service.name() + " did not answer on port " + service.port() + " within "
                + START_TIMEOUT.toSeconds() + " s: " + service.lastError());
    }

    /** A service in a JVM of its own; closing it is a SIGTERM (Spring's graceful shutdown), then a kill. */
    record RunningService(String name, int port, Process process, Path log) implements AutoCloseable {

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        /** The last ERROR line of its log, or where to look. */
        String lastError() {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                for (int i = lines.size() - 1; i >= 0; i--) {
                    if (lines.get(i).contains(" ERROR ") || lines.get(i).startsWith("Caused by")) {
                        return lines.get(i).strip() + " (more: ./revos logs " + name + ")";
                    }
                }
            } catch (IOException ignored) {
                // the hint below still helps
            }
            return "see ./revos logs " + name;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
