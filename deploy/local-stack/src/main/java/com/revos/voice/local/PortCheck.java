package com.revos.voice.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Before anything starts: is each fixed port of the stack free? A taken port is reported with what holds it and
 * how to move the stack aside, instead of a service failing half-way through with a stack trace.
 */
final class PortCheck {

    private PortCheck() {
    }

    /** @param ports what will listen (for the message) → its port, and the variable that moves it */
    static List<String> taken(Map<String, Port> ports) {
        var problems = new ArrayList<String>();
        ports.forEach((what, port) -> {
            if (!free(port.number())) {
                problems.add("port %d (%s) is taken%s: stop it, or start on another port: %s=<port> ./revos up"
                        .formatted(port.number(), what, holder(port.number()), port.variable()));
            }
        });
        return problems;
    }

    record Port(int number, String variable) {
    }

    private static boolean free(int port) {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code by java (pid 1234)} when {@code ss} can tell. */
    private static String holder(int port) {
        try {
            var process = new ProcessBuilder("ss", "-ltnpH", "sport = :" + port).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroy();
                return "";
            }
            var users = output.indexOf("users:((\"");
            if (users < 0) {
                return "";
            }
            var rest = output.substring(users + 9);
            var name = rest.substring(0, rest.indexOf('"'));
            var pid = rest.contains("pid=") ? rest.substring(rest.indexOf("pid=") + 4).split("[,)]")[0] : "?";
            return " by " + name + " (pid " + pid + ")";
        } catch (IOException | InterruptedException | RuntimeException e) {
            return "";
        }
    }
}
