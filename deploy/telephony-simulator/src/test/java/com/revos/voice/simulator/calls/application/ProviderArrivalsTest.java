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
    void arrivals_are_counted_by_their_first_stamp_and_beside_the_send_times_their_caller_gave() {
        // the dialer sent three calls 600 ms apart; the wire delayed the first two, and the simulator's own
        // threads handled them as they came (its clock, here, after all three)
        var sent = new long[] {0, 600, 1_200};
        var arrivedAfterMs = new long[] {700, 350, 5};
        for (int i = 0; i < 3; i++) {
            nanos.set(2_000_000_000L + i);
            arrivals.arrived("AC1", "+15550000001", "+1555000010" + i, new ProviderArrivals.Stamp(
                    start.plusMillis(sent[i] + arrivedAfterMs[i]), start.plusMillis(sent[i])));
        }

        var account = arrivals.accounts().get("AC1");
        assertThat(account.calls()).isEqualTo(3);
        assertThat(account.sentPeakPerSecond()).as("one second never held more than two sends").isEqualTo(2);
        assertThat(account.peakPerSecond()).as("the wire bunched them within 505 ms").isEqualTo(3);
        assertThat(account.peakSecondEndedAt()).isEqualTo(start.plusMillis(1_205));
        assertThat(account.firstAt()).isEqualTo(start.plusMillis(700));
        assertThat(account.handledPeakPerSecond()).isEqualTo(3);
        assertThat(account.sentCalls()).isEqualTo(3);
        assertThat(account.sentMeanPerSecond()).isCloseTo(2 / 1.2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(account.transit()).isEqualTo(new ProviderArrivals.Transit(350, 700, 700));
        assertThat(arrivals.arrivals("AC1")).first().extracting(ProviderArrivals.Arrival::sentAt)
                .isEqualTo(start);
    }

    @Test
    void without_send_times_there_is_no_transit_to_report() {
        arrivals.arrived("AC1", "+15550000001", "+15550000100");
        var account = arrivals.accounts().get("AC1");
        assertThat(account.sentCalls()).isZero();
        assertThat(account.sentPeakPerSecond()).isZero();
        assertThat(account.transit()).isNull();
    }

    @Test
    void a_reset_forgets_every_arrival() {
        arrivals.arrived("AC1", "+15550000001", "+15550000100");
        arrivals.reset();
        assertThat(arrivals.accounts()).isEmpty();
    }
}
