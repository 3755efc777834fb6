package com.revos.voice.dialer.compliance.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
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

    /**
     * 10,000 contacts over the 14 places of a weekday evening in UTC: drawn as single numbers, about 3 % of them
     * repeat one another (the pacing benchmark's campaigns lost 321-342 contacts to "duplicate" at upload).
     */
    @org.junit.jupiter.api.Test
    void distinct_numbers_are_as_many_as_asked_and_dealt_over_every_place() {
        var places = DaytimeNumbers.PLACES.subList(0, 14);
        var numbers = DaytimeNumbers.distinctNumbers(10_000, new Random(42), places);

        assertThat(numbers).hasSize(10_000).doesNotHaveDuplicates().allMatch(DaytimeNumbers::valid);
        var prefixes = new HashSet<String>();
        numbers.forEach(n -> prefixes.add(n.substring(0, 8)));
        assertThat(prefixes).hasSize(14);
    }

    @org.junit.jupiter.api.Test
    void more_numbers_than_a_place_can_fairly_hold_are_refused_with_the_place_named() {
        var newYork = List.of(DaytimeNumbers.PLACES.getFirst());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DaytimeNumbers.distinctNumbers(6_000, new Random(1), newYork))
                .withMessageContaining("New York").withMessageContaining("holds 10000");
    }
}
