package com.revos.voice.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What {@code ./revos up} prints from the command to "running": the steps, the banner, the running line. The build
 * line ({@code ./revos}'s own step 1) comes first; everything else goes to the log files.
 */
class ConsoleTest {

    private static final int BUILD_LINES = 1;

    @Test
    void from_the_command_to_running_the_console_shows_fewer_than_forty_lines() throws Exception {
        for (var processes : List.of(false, true)) {
            var output = new ByteArrayOutputStream();
            var plan = new LocalStack.StackOptions(false, processes,
                    processes ? java.util.Map.of(LocalService.DIALER, 2) : java.util.Map.of()).plan();
            var console = new Console(new PrintStream(output, true, StandardCharsets.UTF_8), BUILD_LINES,
                    BUILD_LINES + 3 + plan.size());
            console.step("checking ports", "free", () -> null);
            console.step("PostgreSQL on port 5433", () -> null);
            console.step("Kafka broker on port 9092", () -> null);
            for (var instance : plan) {
                console.step(instance.name() + " on port " + instance.port(), () -> null);
            }
            console.banner(banner(Optional.of(new Console.Row("voice-console", "http://localhost:8080", "")), plan));
            console.line("RevOS Voice is running. Press Ctrl-C to stop.");

            var lines = output.toString(StandardCharsets.UTF_8).lines().toList();
            assertThat(BUILD_LINES + lines.size()).as("lines from ./revos up to running").isLessThan(40);
            assertThat(lines.getFirst()).startsWith("[2/" + (BUILD_LINES + 3 + plan.size()) + "] checking ports ...");
            assertThat(lines.getLast()).isEqualTo("RevOS Voice is running. Press Ctrl-C to stop.");
        }
    }

    @Test
    void the_banner_lists_the_console_first_then_each_service_then_the_broker_the_database_and_the_tokens() {
        var plan = new LocalStack.StackOptions(false, false, java.util.Map.of()).plan();
        var text = banner(Optional.of(new Console.Row("voice-console", "http://localhost:8080", "")), plan).render();

        var order = List.of("voice-console", "voice-provisioning", "voice-dialer", "voice-webhook-ingest",
                "kernel-optimizer", "telephony-simulator", "Kafka bootstrap", "PostgreSQL", "tenant token",
                "operator token");
        var positions = new ArrayList<Integer>();
        order.forEach(name -> positions.add(text.indexOf("  " + name + " ")));
        assertThat(positions).doesNotContain(-1).isSorted();
        assertThat(text.lines().filter(line -> line.contains("voice-console")).toList()).hasSize(1);
    }

    @Test
    void without_the_console_service_its_slot_stays_empty() {
        var plan = new LocalStack.StackOptions(false, false, java.util.Map.of()).plan();
        var text = banner(Optional.empty(), plan).render();
        assertThat(text).doesNotContain("voice-console").contains("voice-provisioning");
    }

    @Test
    void a_second_dialer_runs_on_its_own_port_and_only_with_its_own_jvm() {
        var plan = new LocalStack.StackOptions(false, true, java.util.Map.of(LocalService.DIALER, 2)).plan();
        assertThat(plan).extracting(LocalStack.Instance::name).containsExactly("voice-webhook-ingest",
                "telephony-simulator", "voice-provisioning", "voice-dialer", "voice-dialer-2", "kernel-optimizer",
                "voice-console");
        assertThat(plan).extracting(LocalStack.Instance::port).doesNotHaveDuplicates();
        assertThat(ReplicaSettings.of(LocalService.DIALER, 2, java.nio.file.Path.of(".local")))
                .containsEntry("revos.outbox.relay-enabled", "false");
        assertThat(ReplicaSettings.of(LocalService.DIALER, 1, java.nio.file.Path.of(".local"))).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                LocalStack.StackOptions.parse(new String[] {"--replicas", "dialer=2"}))
                .hasMessageContaining("--processes");
        assertThat(LocalStack.StackOptions.parse(new String[] {"--processes", "--replicas", "dialer=2"}).replicas())
                .containsEntry(LocalService.DIALER, 2);
    }

    @Test
    void the_console_starts_after_the_services_it_calls_and_takes_the_banner_first_line_once() {
        var plan = new LocalStack.StackOptions(false, false, java.util.Map.of()).plan();
        assertThat(plan.getLast().service()).isEqualTo(LocalService.CONSOLE);
        assertThat(plan.getLast().port()).isEqualTo(LocalPorts.fromEnvironment().console());
        var text = banner(LocalStack.consoleRow(plan), plan).render();
        var lines = text.lines().toList();
        assertThat(lines.get(1)).startsWith("  voice-console ").contains("http://localhost:" + plan.getLast().port());
        assertThat(lines.stream().filter(line -> line.contains("voice-console")).toList()).hasSize(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                LocalStack.StackOptions.parse(new String[] {"--processes", "--replicas", "console=2"}))
                .hasMessageContaining("runs once");
    }

    @Test
    void every_part_runs_under_the_local_profile_and_the_console_is_told_where_the_services_it_calls_are() {
        var peers = java.util.Map.of(LocalService.PROVISIONING, "http://localhost:18081",
                LocalService.DIALER, "http://localhost:18082", LocalService.OPTIMIZER, "http://localhost:18084");
        var console = ServiceLauncher.settings(LocalService.CONSOLE, 0, "localhost:9092", "jdbc:none", peers);
        assertThat(console).containsEntry("spring.profiles.active", "local")
                .containsEntry("spring.config.name", "voice-console")
                .containsEntry("revos.console.provisioning-url", "http://localhost:18081")
                .containsEntry("revos.console.dialer-url", "http://localhost:18082")
                .containsEntry("revos.console.optimizer-url", "http://localhost:18084")
                .doesNotContainKey("spring.datasource.url");
        assertThat((String) console.get("spring.autoconfigure.exclude"))
                .contains("com.revos.voice.service.ServiceSecurityAutoConfiguration");
        for (var service : LocalService.values()) {
            if (service != LocalService.CONSOLE) {
                assertThat(ServiceLauncher.settings(service, 0, "localhost:9092", "jdbc:none", java.util.Map.of(
                        LocalService.WEBHOOK_INGEST, "http://localhost:1", LocalService.SIMULATOR,
                        "http://localhost:2"))).as(service.serviceName())
                        .containsEntry("spring.profiles.active", "local");
            }
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServiceLauncher.settings(LocalService.CONSOLE, 0,
                "localhost:9092", "jdbc:none", java.util.Map.of())).hasMessageContaining("voice-provisioning");
    }

    private static Console.Banner banner(Optional<Console.Row> console, List<LocalStack.Instance> plan) {
        return LocalStack.banner(plan, console, LocalPorts.fromEnvironment(), LocalTokenIssuer.fromEnvironment());
    }
}
