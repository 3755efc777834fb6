package com.revos.voice.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The monitoring configuration is checked by promtool itself, through {@code deploy/prometheus/check.sh}: the
 * Prometheus configs, the alert rules, their unit tests ({@code alerts_test.yml}) and the PromQL of every Grafana
 * panel. The script installs Debian's {@code prometheus} package when promtool is missing. Runs a process, no
 * Spring, no broker.
 */
class PrometheusRulesTest {

    /** Long enough for a first-time {@code apt-get install prometheus} on a slow mirror. */
    private static final long TIMEOUT_MINUTES = 10;

    @Test
    void promtool_accepts_the_config_the_rules_their_tests_and_every_dashboard_query() throws Exception {
        var script = moduleDir().resolve("../prometheus/check.sh").normalize();
        assertThat(script).as("the monitoring check script").isRegularFile();

        var output = Files.createTempFile("promtool-check", ".log");
        try {
            var process = new ProcessBuilder("bash", script.toString())
                    .directory(script.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            var finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly();
            }
            var log = Files.readString(output, StandardCharsets.UTF_8);

            assertThat(finished).as("check.sh finished within %d minutes; output so far:%n%s", TIMEOUT_MINUTES, log)
                    .isTrue();
            assertThat(process.exitValue()).as("check.sh exit code; promtool said:%n%s", log).isZero();
            assertThat(log).contains("all monitoring checks passed");
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Surefire runs in the module directory and sets {@code basedir}; an IDE may run elsewhere. */
    private static Path moduleDir() throws IOException {
        var basedir = System.getProperty("basedir");
        var dir = Path.of(basedir != null ? basedir : System.getProperty("user.dir")).toAbsolutePath();
        if (Files.isRegularFile(dir.resolve("../prometheus/check.sh"))) {
            return dir;
        }
        // run from the repository root (e.g. an IDE's default working directory)
        var fromRoot = dir.resolve("deploy/local-stack");
        return Files.isDirectory(fromRoot) ? fromRoot : dir;
    }
}
