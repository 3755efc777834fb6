package com.revos.voice.simulator.calls.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlidingSecondPeakTest {

    private static final long MS = 1_000_000L;

    @Test
    void an_even_pace_of_25_per_second_peaks_at_25_in_any_second() {
        var peak = new SlidingSecondPeak();
        for (int i = 0; i < 250; i++) {
            peak.arrive(i * 40 * MS);
        }
        assertThat(peak.peak()).isEqualTo(25);
        assertThat(peak.arrivals()).isEqualTo(250);
        assertThat(peak.meanPerSecond()).isCloseTo(25.0, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void calls_bunched_across_a_second_boundary_are_counted_in_the_second_that_holds_them_all() {
        var peak = new SlidingSecondPeak();
        // 25 and 14 in two clock seconds, but the last 15 of the first and the 14 of the next bunch together
        for (int i = 0; i < 10; i++) {
            peak.arrive(i * 10 * MS);
        }
        for (int i = 0; i < 15; i++) {
            peak.arrive(700 * MS + i * 20 * MS);
        }
        for (int i = 0; i < 14; i++) {
            peak.arrive(1_000 * MS + i * 20 * MS);
        }
        assertThat(peak.peak()).isEqualTo(29);
        assertThat(peak.peakEndNanos()).isEqualTo(1_260 * MS);
    }

    @Test
    void an_arrival_exactly_one_second_after_another_shares_no_window_with_it() {
        var peak = new SlidingSecondPeak();
        peak.arrive(0);
        peak.arrive(1_000 * MS);
        assertThat(peak.peak()).isEqualTo(1);
        peak.arrive(1_999 * MS);
        assertThat(peak.peak()).isEqualTo(2);
    }

    @Test
    void before_any_arrival_there_is_no_peak_and_no_rate() {
        var peak = new SlidingSecondPeak();
        assertThat(peak.peak()).isZero();
        assertThat(peak.meanPerSecond()).isZero();
    }
}
