package com.revos.voice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ControlApiIT extends SimulatorITSupport {

    @Test
    void config_is_partially_updatable_validated_and_reset() {
        Map<String, Object> initial = send("GET", "/simulator/config", null).map();
        assertThat(initial).containsEntry("api_latency_ms", 20).containsEntry("failure_rate", 0.02)
                .containsKeys("answer_rate", "busy_rate", "voicemail_rate", "qualification_rate",
                        "min_duration_secs", "max_duration_secs", "outbound_error_rate", "outbound_429_rate",
                        "time_scale");

        Map<String, Object> changed = configure(Map.of("failure_rate", 0.5));
        assertThat(changed).containsEntry("failure_rate", 0.5).containsEntry("answer_rate", initial.get("answer_rate"));

        Reply invalid = send("PUT", "/simulator/config", Map.of("answer_rate", 1.5));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("answer_rate");
        assertThat(send("GET", "/simulator/config", null).map()).containsEntry("failure_rate", 0.5);

        assertThat(send("POST", "/simulator/reset", null).status()).isEqualTo(204);
        assertThat(send("GET", "/simulator/config", null).map()).isEqualTo(initial);
        assertThat(send("GET", "/simulator/calls", null).map()).containsEntry("placed", 0)
                .containsKeys("outcomes", "webhooks_delivered", "webhooks_failed", "in_progress");
    }

    @Test
    void a_client_keeps_its_connection_open_past_a_hundred_requests_as_at_a_providers_edge() throws Exception {
        var answers = new ArrayList<List<String>>();
        try (var socket = new Socket("localhost", port)) {
            var out = socket.getOutputStream();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            for (int i = 0; i < 150; i++) {
                out.write("POST /simulator/reset HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                answers.add(headBlock(in));
            }
        }
        assertThat(answers).hasSize(150).allSatisfy(head -> {
            assertThat(head.getFirst()).startsWith("HTTP/1.1 204");
            assertThat(head).noneMatch(line -> line.equalsIgnoreCase("Connection: close"));
        });
    }

    /** The status line and headers of a bodiless answer, as read off the connection. */
    private static List<String> headBlock(BufferedReader in) throws IOException {
        var lines = new ArrayList<String>();
        for (var line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            lines.add(line);
        }
        assertThat(lines).as("an answer, not the end of the connection").isNotEmpty();
        return lines;
    }
}
