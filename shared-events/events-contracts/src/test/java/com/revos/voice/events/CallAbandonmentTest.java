package com.revos.voice.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CallAbandonmentTest {

    @Test
    void a_connected_call_whose_agent_answered_late_or_that_dropped_is_abandoned() {
        assertThat(CallAbandonment.abandoned(CallOutcome.CONNECTED, "completed",
                Map.of(CallAbandonment.REPLY_FIELD, 2.5))).isTrue();
        assertThat(CallAbandonment.abandoned(CallOutcome.CONNECTED, "Agent TIMEOUT", Map.of())).isTrue();
        assertThat(CallAbandonment.abandoned(CallOutcome.CONNECTED, "line dropped", null)).isTrue();
    }

    @Test
    void a_call_answered_in_time_or_never_answered_live_is_not() {
        assertThat(CallAbandonment.abandoned(CallOutcome.CONNECTED, "completed",
                Map.of(CallAbandonment.REPLY_FIELD, 2.0))).isFalse();
        assertThat(CallAbandonment.abandoned(CallOutcome.CONNECTED, null, null)).isFalse();
        assertThat(CallAbandonment.abandoned(CallOutcome.FAILED, "error", Map.of(CallAbandonment.REPLY_FIELD, 9)))
                .isFalse();
        assertThat(CallAbandonment.abandoned(CallOutcome.VOICEMAIL, "dropped", null)).isFalse();
    }
}
