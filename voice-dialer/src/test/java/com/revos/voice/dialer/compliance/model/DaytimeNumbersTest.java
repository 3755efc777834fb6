package com.revos.voice.dialer.compliance.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DaytimeNumbersTest {

    @org.junit.jupiter.api.Test
    void every_pattern_makes_valid_numbers() {
        var random = new Random(7);
        for (var place : DaytimeNumbers.PLACES) {
            for (int i = 0; i < 20; i++) {
                assertThat(DaytimeNumbers.valid(place.number(random))).as(place.name()).isTrue();
            }
        }
    }

    /**
     * Every hour of a weekday and of a Sunday, summer and winter: some place is inside its legal hours for the next
     * hour, except on weekends from 11:00 to 12:00 UTC, when no rule allows a call anywhere in the list.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2026-07-15", "2026-07-19", "2026-01-14", "2026-01-18"})
    void somewhere_it_is_daytime_at_every_hour(String day) {
        var weekend = java.time.LocalDate.parse(day).getDayOfWeek().getValue() >= 6;
        var policy = CallingHoursPolicy.standard();
        var locator = new Locator(java.time.ZoneId.of("UTC"));
        for (int hour = 0; hour < 24; hour++) {
            var now = Instant.parse(day + "T00:00:00Z").plus(Duration.ofHours(hour));
            var open = DaytimeNumbers.openNow(policy, now, Duration.ofHours(1));
            if (weekend && hour == 11) {
                assertThat(open).as("places open at %s", now).isEmpty();
                continue;
            }
            assertThat(open).as("places open at %s", now).isNotEmpty();
            for (var place : open) {
                var ceiling = policy.ceiling(locator.locate(place.number(new Random(3)), ContactFacts.NONE));
                assertThat(ceiling.openAt(now)).as(place.name()).isTrue();
            }
        }
    }
}
