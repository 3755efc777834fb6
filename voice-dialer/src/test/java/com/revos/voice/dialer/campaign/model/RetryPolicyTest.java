package com.revos.voice.dialer.campaign.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.events.CallOutcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-06-10T15:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(3, 60, 3600, 7200, 600);

    @Test
    void delays_depend_on_the_outcome() {
        assertThat(policy.next(CallOutcome.BUSY, 1, NOW)).isEqualTo(new RetryPolicy.ContactNext.RetryAt(NOW.plusSeconds(60)));
        assertThat(policy.next(CallOutcome.NO_ANSWER, 1, NOW))
                .isEqualTo(new RetryPolicy.ContactNext.RetryAt(NOW.plusSeconds(3600)));
        assertThat(policy.next(CallOutcome.VOICEMAIL, 2, NOW))
                .isEqualTo(new RetryPolicy.ContactNext.RetryAt(NOW.plusSeconds(7200)));
        assertThat(policy.next(CallOutcome.FAILED, 1, NOW))
                .isEqualTo(new RetryPolicy.ContactNext.RetryAt(NOW.plusSeconds(600)));
    }

    @Test
    void connected_is_done_and_the_last_attempt_exhausts() {
        assertThat(policy.next(CallOutcome.CONNECTED, 1, NOW)).isInstanceOf(RetryPolicy.ContactNext.Done.class);
        assertThat(policy.next(CallOutcome.BUSY, 3, NOW)).isInstanceOf(RetryPolicy.ContactNext.Exhausted.class);
    }
}
