package com.revos.voice.dialer.pacing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PacingLeadTest {

    @Test
    void lets_a_quarter_second_of_calls_at_the_rate_run_ahead_and_never_fewer_than_two() {
        assertThat(new PacingLead(50, 0.25).bound()).isEqualTo(13);
        assertThat(new PacingLead(8, 0.25).bound()).isEqualTo(2);
        assertThat(new PacingLead(0.5, 0.25).bound()).isEqualTo(2);
    }

    @Test
    void a_feeder_at_the_bound_waits_until_a_call_ahead_of_it_passes_the_cap() throws Exception {
        var lead = atItsBoundOfTwo();
        var passed = lead.place();
        var third = feeder(lead);

        assertThat(third.await(100, TimeUnit.MILLISECONDS)).as("held back at the bound").isFalse();
        passed.run();
        assertThat(third.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(lead.ahead()).isEqualTo(2);
    }

    @Test
    void a_placed_call_whose_endings_all_report_it_is_released_once() throws Exception {
        var lead = atItsBoundOfTwo();
        var placed = lead.place();

        // the cap's grant, then the dial's end: one call, one release
        placed.run();
        placed.run();

        assertThat(lead.ahead()).isEqualTo(1);
    }

    @Test
    void a_rate_cut_lets_no_new_call_go_until_enough_ahead_have_passed() throws Exception {
        var lead = new PacingLead(40, 0.25);
        var placed = new Runnable[10];
        for (int i = 0; i < 10; i++) {
            lead.acquire();
            placed[i] = lead.place();
        }
        lead.resize(8);
        var next = feeder(lead);

        for (int i = 0; i < 8; i++) {
            placed[i].run();
        }
        assertThat(next.await(100, TimeUnit.MILLISECONDS)).as("still 2 ahead, the new bound").isFalse();
        placed[8].run();
        assertThat(next.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void a_rate_raised_while_a_feeder_waits_lets_it_go_at_once() throws Exception {
        var lead = atItsBoundOfTwo();
        var waiting = feeder(lead);

        lead.resize(40);

        assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> lead.ahead() == 3);
    }

    /** A lead at 8 calls/s, whose bound is the least (two), with both places taken. */
    private static PacingLead atItsBoundOfTwo() throws InterruptedException {
        var lead = new PacingLead(8, 0.25);
        lead.acquire();
        lead.acquire();
        return lead;
    }

    /** A feeder thread that takes one place in the lead; the latch opens once it has. */
    private static CountDownLatch feeder(PacingLead lead) {
        var acquired = new CountDownLatch(1);
        Thread.ofPlatform().daemon().start(() -> {
            try {
                lead.acquire();
                acquired.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return acquired;
    }
}
