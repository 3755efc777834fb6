package com.revos.voice.simulator.calls.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StampOrderPeakTest {

    private static final long MS = 1_000_000L;
    private static final long HORIZON = 5_000 * MS;

    @Test
    void stamps_recorded_out_of_order_are_counted_in_the_order_they_were_taken() {
        var stamps = new StampOrderPeak(HORIZON);
        // three threads stamp at 0, 500 and 999 ms and record in the reverse order; 1,000.5 ms comes last
        stamps.arrive(999 * MS);
        stamps.arrive(500 * MS);
        stamps.arrive(0);
        stamps.arrive(1_000 * MS + MS / 2);

        var settled = stamps.settled();
        assertThat(settled.arrivals()).isEqualTo(4);
        assertThat(settled.peak()).as("0 has left the second that ends at 1,000.5 ms").isEqualTo(3);
        assertThat(settled.firstNanos()).isZero();
        assertThat(settled.meanPerSecond()).isCloseTo(3 / 1.0005, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void counting_what_is_past_the_horizon_gives_the_same_peak_as_sorting_everything() {
        var stamps = new StampOrderPeak(HORIZON);
        var sorted = new SlidingSecondPeak();
        // 30 s at 40/s, each pair recorded swapped; a burst of 45 within 200 ms at 12 s
        for (int i = 0; i < 1_200; i += 2) {
            stamps.arrive((i + 1) * 25 * MS);
            stamps.arrive(i * 25 * MS);
        }
        for (int i = 0; i < 45; i++) {
            stamps.arrive(12_000 * MS + i * 4 * MS + MS / 3);
        }
        for (long at : sortedStamps()) {
            sorted.arrive(at);
        }
        assertThat(stamps.settled().peak()).isEqualTo(sorted.peak()).isGreaterThanOrEqualTo(45);
        assertThat(stamps.settled().arrivals()).isEqualTo(1_245);
    }

    @Test
    void a_stamp_later_than_the_horizon_is_counted_at_the_latest_time_counted_so_far() {
        var stamps = new StampOrderPeak(HORIZON);
        stamps.arrive(0);
        stamps.arrive(6_000 * MS);
        stamps.arrive(100 * MS);

        var settled = stamps.settled();
        assertThat(settled.arrivals()).isEqualTo(3);
        assertThat(settled.peak()).isEqualTo(2);
        assertThat(settled.firstNanos()).isZero();
    }

    @Test
    void a_settled_view_leaves_the_stamps_still_held_back_uncounted() {
        var stamps = new StampOrderPeak(HORIZON);
        stamps.arrive(0);
        stamps.arrive(10 * MS);
        assertThat(stamps.settled().peak()).isEqualTo(2);
        stamps.arrive(5 * MS);
        assertThat(stamps.settled().peak()).isEqualTo(3);
        assertThat(stamps.settled().arrivals()).isEqualTo(3);
    }

    private static long[] sortedStamps() {
        var all = new long[1_245];
        for (int i = 0; i < 1_200; i++) {
            all[i] = i * 25 * MS;
        }
        for (int i = 0; i < 45; i++) {
            all[1_200 + i] = 12_000 * MS + i * 4 * MS + MS / 3;
        }
        java.util.Arrays.sort(all);
        return all;
    }
}
