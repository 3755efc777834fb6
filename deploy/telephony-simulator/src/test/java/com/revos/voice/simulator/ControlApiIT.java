package com.revos.voice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

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
}
