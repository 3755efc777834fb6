package com.revos.voice.dialer.pacing.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PacingLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    /** A fake clock whose sleeps overshoot by a random amount, like a busy machine's. */
    static final class FakeTime {
        long now = 0;
        final Random random = new Random(42);

        void sleep(long nanos) {
            now += nanos + random.nextLong(2_000_000);
        }
    }

    @Test
    void holds_the_rate_and_never_exceeds_it_in_any_sliding_second() throws Exception {
        for (var rate : new double[] {10, 50, 200}) {
            var time = new FakeTime();
            var limiter = new PacingLimiter(rate, 1_005_000_000L, () -> time.now, time::sleep);
            var grants = new ArrayList<Long>();
            for (int i = 0; i < rate * 30; i++) {
                grants.add(limiter.acquire());
                if (i % 97 == 0) {
                    time.now += 30_000_000; // the caller stalls now and then (GC, a slow commit)
                }
            }
            assertThat(maxInAnySlidingSecond(grants)).as("rate %s", rate).isLessThanOrEqualTo((int) rate);
            var achieved = (grants.size() - 1) * (double) SECOND / (grants.getLast() - grants.getFirst());
            assertThat(achieved).as("rate %s", rate).isBetween(rate * 0.97, rate);
        }
    }

    /**
     * At 5/s with a 20 ms guard, the first request's write is delayed 40 ms after its grant (a busy machine holds the
     * thread): counted from its grant, the sixth would leave 1.02 s after the first grant, only 0.98 s after the first
     * write, and a second at the provider would hold six.
     */
    @Test
    void a_write_the_machine_delayed_past_the_guard_holds_the_next_window_back_by_as_much() throws Exception {
        var now = new long[] {0};
        var window = SECOND + 20_000_000L;
        var limiter = new PacingLimiter(5, window, () -> now[0], nanos -> now[0] += nanos);
        var first = limiter.acquire();
        var written = first + 40_000_000L;
        limiter.restamp(first, written);
        for (int i = 0; i < 4; i++) {
            limiter.acquire();
        }

        var sixth = limiter.acquire();

        assertThat(sixth - written).as("the sixth grant after the first request's write").isGreaterThanOrEqualTo(window);
    }

    @Test
    void a_grant_is_never_moved_earlier_nor_one_the_log_no_longer_holds() throws Exception {
        var now = new long[] {0};
        var limiter = new PacingLimiter(2, SECOND, () -> now[0], nanos -> now[0] += nanos);
        var first = limiter.acquire();
        limiter.restamp(first, first - 1);
        limiter.acquire();
        limiter.restamp(first + 123, first + 999_999_999L);

        assertThat(limiter.acquire() - first).as("the third grant after the first").isEqualTo(SECOND);
    }

    @Test
    void a_lower_rate_applies_at_once() throws Exception {
        var time = new FakeTime();
        var limiter = new PacingLimiter(100, SECOND, () -> time.now, time::sleep);
        for (int i = 0; i < 200; i++) {
            limiter.acquire();
        }
        limiter.setRate(5);
        var grants = new ArrayList<Long>();
        for (int i = 0; i < 20; i++) {
            grants.add(limiter.acquire());
        }
        assertThat(maxInAnySlidingSecond(grants)).isLessThanOrEqualTo(5);
    }

    @Test
    void with_a_guard_the_limit_holds_at_the_provider_however_the_wire_bunches_calls_within_it() throws Exception {
        var jitter = 20_000_000L;

        assertThat(maxInAnySlidingSecond(arrivals(SECOND + jitter, jitter))).isLessThanOrEqualTo(25);
        assertThat(maxInAnySlidingSecond(arrivals(SECOND, jitter))).as("exact one-second windows, the same jitter")
                .isGreaterThan(25);
    }

    @Test
    void a_burst_caught_up_after_a_stall_is_not_repeated_one_window_later() throws Exception {
        var window = SECOND + 20_000_000L;
        var interval = window / 25;
        var time = new FakeTime();
        var limiter = new PacingLimiter(25, window, () -> time.now, time::sleep);
        var grants = new ArrayList<Long>();
        for (int i = 0; i < 1_000; i++) {
            grants.add(limiter.acquire());
            if (i == 100) {
                time.now += 300_000_000L; // the caller stalled: the next grants catch up a tenth of a window at once
            }
        }
        var afterStall = grants.get(101);
        assertThat(grants.get(102) - afterStall).as("the catch-up itself").isLessThan(interval / 2);

        var later = grants.stream().filter(at -> at > afterStall + 2 * window).toList();
        var closest = java.util.stream.IntStream.range(1, later.size())
                .mapToLong(i -> later.get(i) - later.get(i - 1)).min().orElseThrow();
        assertThat(closest).as("two windows on, the grants are spaced by the interval again").isGreaterThan(
                interval * 9 / 10);
        assertThat(maxInAnySlidingSecond(grants)).isLessThanOrEqualTo(25);
        var achieved = (grants.size() - 1) * (double) SECOND / (grants.getLast() - grants.getFirst());
        assertThat(achieved).isBetween(25 * 0.97, 25.0);
    }

    @Test
    void a_caller_late_on_its_own_still_catches_up_what_it_lost() throws Exception {
        var time = new FakeTime();
        var limiter = new PacingLimiter(25, SECOND, () -> time.now, time::sleep);
        for (int i = 0; i < 50; i++) {
            limiter.acquire();
        }
        time.now += 80_000_000L; // two intervals late, within the tenth of a window that may be caught up
        var first = limiter.acquire();
        var second = limiter.acquire();
        assertThat(second - first).isLessThan(SECOND / 25 / 2);
    }

    /**
     * What reaches the provider from the send point's limiter at 25 calls/s (a tenth of the window's lost time
     * caught up at most, as {@link PacingLimiter#perSecond}) when its caller stalls now and then and the wire delays
     * each call by up to {@code jitter}, in arrival order.
     */
    private static List<Long> arrivals(long window, long jitter) throws InterruptedException {
        var time = new FakeTime();
        var limiter = new PacingLimiter(25, window, () -> time.now, time::sleep);
        var wire = new Random(7);
        var arrivals = new ArrayList<Long>();
        for (int i = 0; i < 2_000; i++) {
            arrivals.add(limiter.acquire() + wire.nextLong(jitter));
            if (i % 100 == 0) {
                time.now += 1_500_000_000L; // the calls' database work stalled: a backlog reaches the limiter
            }
        }
        return arrivals.stream().sorted().toList();
    }

    static int maxInAnySlidingSecond(List<Long> grants) {
        int max = 0;
        int start = 0;
        for (int end = 0; end < grants.size(); end++) {
            while (grants.get(end) - grants.get(start) >= SECOND) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }
}
