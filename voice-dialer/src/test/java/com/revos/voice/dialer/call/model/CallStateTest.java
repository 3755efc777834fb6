package com.revos.voice.dialer.call.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CallStateTest {

    @Test
    void every_state_reads_back_from_its_wire_name() {
        Arrays.stream(CallState.values()).forEach(state -> assertThat(CallState.of(state.wireName())).isEqualTo(state));
        assertThatThrownBy(() -> CallState.of("unknown")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_attempt_occupies_a_line_until_it_is_final() {
        assertThat(Arrays.stream(CallState.values()).filter(CallState::inFlight))
                .containsExactly(CallState.REQUESTED, CallState.SENDING, CallState.AMBIGUOUS, CallState.INITIATED);
        assertThat(Arrays.stream(CallState.values()).filter(CallState::isFinal))
                .containsExactly(CallState.COMPLETED, CallState.FAILED, CallState.NOT_PLACED);
    }

}
