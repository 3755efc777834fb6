package com.revos.voice.simulator.calls.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ProviderArrivalsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final Instant start = Instant.parse("2026-12-01T10:00:00Z");
    private final ProviderArrivals arrivals = new ProviderArrivals(
            () -> start.plusNanos(nanos.get()), nanos::get, 3);

    @Test
    void each_account_has_its_own_peak_second_and_its_own_list() {
        for (int i = 0; i < 5; i++) {
            nanos.set(i * 100_000_000L);
            arrivals.arrived("AC1", "+15550000001", "+1555000010" + i);
        }
        nanos.set(2_000_000_000L);
        arrivals.arrived("AC2", "+15550000002", "+15550000200");

        var accounts = arrivals.accounts();
        assertThat(accounts).containsOnlyKeys("AC1", "AC2");
        assertThat(accounts.get("AC1").calls()).isEqualTo(5);
        assertThat(accounts.get("AC1").peakPerSecond()).isEqualTo(5);
        assertThat(accounts.get("AC1").peakSecondEndedAt()).isEqualTo(start.plusMillis(400));
        assertThat(accounts.get("AC2").peakPerSecond()).isEqualTo(1);
        assertThat(arrivals.arrivals("AC1")).as("listed up to the limit, counted in full").hasSize(3)
                .first().isEqualTo(new ProviderArrivals.Arrival(start, "AC1", "+15550000001", "+15550000100", null));
        assertThat(arrivals.arrivals("AC3")).isEmpty();
    }

    @Test
    void a_reset_forgets_every_arrival() {
        arrivals.arrived("AC1", "+15550000001", "+15550000100");
        arrivals.reset();
        assertThat(arrivals.accounts()).isEmpty();
    }
}
