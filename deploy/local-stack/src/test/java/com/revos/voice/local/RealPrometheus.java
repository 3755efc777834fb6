package com.revos.voice.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.revos.voice.testsupport.ReservedPorts;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The real Prometheus server (Debian's package), scraping the services of a test every second. */
final class RealPrometheus implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/prometheus");

    private final Process process;
    private final ReservedPorts.Reservation port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    private RealPrometheus(Process process, ReservedPorts.Reservation port) {
        this.process = process;
        this.port = port;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** @param jobs job name (as the dashboards select it) → the service's port */
    static RealPrometheus scrape(Map<String, Integer> jobs, Path workDir) throws IOException {
        Files.createDirectories(workDir);
        var config = new StringBuilder("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n");
        jobs.forEach((job, servicePort) -> config.append("  - job_name: ").append(job)
                .append("\n    metrics_path: /actuator/prometheus\n    static_configs:\n      - targets: ['localhost:")
                .append(servicePort).append("']\n"));
        var configFile = workDir.resolve("prometheus.yml");
        Files.writeString(configFile, config);
        // held until close: Prometheus is then read on it
        var port = ReservedPorts.reserve();
        var process = new ProcessBuilder(BINARY.toString(), "--config.file=" + configFile,
                "--storage.tsdb.path=" + workDir.resolve("data"), "--web.listen-address=127.0.0.1:" + port.port())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("prometheus.log").toFile()).start();
        return new RealPrometheus(process, port);
    }

    /** The result array of an instant query; throws when Prometheus rejects the query. */
    JsonNode query(String promql) throws IOException, InterruptedException {
        var uri = URI.create("http://127.0.0.1:" + port.port() + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        var response = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        var body = json.readTree(response.body());
        if (!"success".equals(body.path("status").asText())) {
            throw new IllegalStateException("Prometheus rejected `" + promql + "`: " + body.path("error").asText());
        }
        return body.path("data").path("result");
    }

    boolean ready() {
        try {
            return query("up").size() > 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            // the port is released only once Prometheus has let go of it
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            port.close();
        }
    }
}
