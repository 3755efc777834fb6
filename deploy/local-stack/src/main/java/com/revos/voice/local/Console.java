package com.revos.voice.local;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.helpers.MessageFormatter;

/**
 * What the person who typed {@code ./revos up} reads: one line per start-up step, then where everything is, then
 * errors only. Written straight to the terminal, not through logging: the logs go to files (ADR 0017).
 */
final class Console {

    private final PrintStream out;
    private final int total;
    private int next;

    /** @param done the steps already shown before this JVM started (the build, by {@code ./revos}) */
    Console(PrintStream out, int done, int total) {
        this.out = out;
        this.next = done + 1;
        this.total = total;
    }

    /** Prints {@code [i/n] what ...}, runs the step, and completes the line with how long it took. */
    <T> T step(String what, Callable<T> action) throws Exception {
        return step(what, "ready", action);
    }

    /** @param outcome what the line says when the step succeeded ({@code ready}, {@code free}) */
    <T> T step(String what, String outcome, Callable<T> action) throws Exception {
        synchronized (out) {
            out.printf("[%d/%d] %s ...", next++, total, what);
            out.flush();
        }
        var started = System.nanoTime();
        try {
            var result = action.call();
            out.printf(" %s (%.1f s)%n", outcome, (System.nanoTime() - started) / 1e9);
            return result;
        } catch (Exception e) {
            out.println(" failed");
            throw e;
        }
    }

    void line(String text) {
        out.println(text);
    }

    /** With SLF4J-style {@code {}} placeholders. */
    void line(String format, @Nullable Object... args) {
        out.println(MessageFormatter.arrayFormat(format, args).getMessage());
    }

    /** Something the person must act on: what happened, and what to do. */
    void warn(String text) {
        out.println("  ! " + text);
    }

    void banner(Banner banner) {
        out.print(banner.render());
    }

    /** One line of the banner: a name, where it is, a hint. */
    record Row(String name, String where, String hint) {
        String render() {
            var line = "  %-21s %s".formatted(name, where);
            return hint.isEmpty() ? line : "%-48s (%s)".formatted(line, hint);
        }
    }

    /**
     * Where everything is, in the order a newcomer looks: the console first (voice-console, port 8080 by default;
     * empty when it is not started), then each service, the broker, the database, then tokens.
     */
    record Banner(Optional<Row> console, List<Row> services, String kafka, String jdbcUrl, String tenant,
                  String tenantToken, String operatorToken, int provisioningPort) {

        String render() {
            var text = new StringBuilder();
            text.append("================================ RevOS Voice is up ================================\n");
            console.ifPresent(row -> text.append(row.render()).append('\n'));
            services.forEach(row -> text.append(row.render()).append('\n'));
            text.append(new Row("metrics", "/actuator/prometheus on each service", "").render()).append('\n');
            text.append(new Row("Kafka bootstrap", kafka, "").render()).append('\n');
            text.append(new Row("PostgreSQL", jdbcUrl, "user postgres / postgres").render()).append('\n');
            text.append(new Row("logs", ".local/logs/<service>.log", "./revos logs <service>").render()).append('\n');
            text.append('\n');
            text.append(new Row("demo tenant", tenant, "").render()).append('\n');
            text.append(new Row("tenant token", tenantToken, "").render()).append('\n');
            text.append(new Row("operator token", operatorToken, "").render()).append('\n');
            text.append('\n');
            text.append("  try:  curl -H \"Authorization: Bearer $TOKEN\" http://localhost:%d/v1/templates\n"
                    .formatted(provisioningPort));
            text.append("  more tokens: ./revos token --tenant <uuid> | ./revos token --operator\n");
            text.append("===================================================================================\n");
            return text.toString();
        }
    }
}
