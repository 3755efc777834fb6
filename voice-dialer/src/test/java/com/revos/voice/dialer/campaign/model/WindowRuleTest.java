package com.revos.voice.dialer.campaign.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.events.CallingWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WindowRuleTest {

    private static final ContactZones ZONES = new ContactZones(ZoneId.of("UTC"));
    private static final String NEW_YORK = "+12125550123";
    private static final String HONOLULU = "+18085550123";
    private static final CallingWindow DEFAULT = CallingWindow.DEFAULT;

    @Test
    void zones_come_from_the_number() {
        assertThat(ZONES.zoneKey(NEW_YORK)).isEqualTo("America/New_York");
        assertThat(ZONES.zoneKey(HONOLULU)).isEqualTo("Pacific/Honolulu");
        assertThat(ZONES.zoneKey("+442079460000")).isEqualTo("Europe/London");
    }

    @Test
    void a_contact_in_honolulu_and_one_in_new_york_in_the_same_campaign_are_called_in_their_own_hours() {
        var ny = ZONES.zoneKey(NEW_YORK);
        var hnl = ZONES.zoneKey(HONOLULU);
        // 2026-06-10 13:00Z = 09:00 in New York (EDT), 03:00 in Honolulu (HST, no DST)
        var morningInNewYork = Instant.parse("2026-06-10T13:00:00Z");
        assertThat(WindowRule.openZoneKeys(DEFAULT, List.of(ny, hnl), morningInNewYork)).containsExactly(ny);
        // 2026-06-11 02:30Z = 22:30 in New York, 16:30 in Honolulu
        var eveningInNewYork = Instant.parse("2026-06-11T02:30:00Z");
        assertThat(WindowRule.openZoneKeys(DEFAULT, List.of(ny, hnl), eveningInNewYork)).containsExactly(hnl);
        // 2026-06-10 20:00Z = 16:00 in New York, 10:00 in Honolulu
        assertThat(WindowRule.openZoneKeys(DEFAULT, List.of(ny, hnl), Instant.parse("2026-06-10T20:00:00Z")))
                .containsExactlyInAnyOrder(ny, hnl);
    }

    @Test
    void start_hour_is_inclusive_and_end_hour_exclusive() {
        var ny = ZONES.zoneKey(NEW_YORK);
        assertThat(WindowRule.isOpen(DEFAULT, ny, Instant.parse("2026-06-10T11:59:59Z"))).isFalse(); // 07:59:59
        assertThat(WindowRule.isOpen(DEFAULT, ny, Instant.parse("2026-06-10T12:00:00Z"))).isTrue(); // 08:00
        assertThat(WindowRule.isOpen(DEFAULT, ny, Instant.parse("2026-06-11T00:59:59Z"))).isTrue(); // 20:59:59
        assertThat(WindowRule.isOpen(DEFAULT, ny, Instant.parse("2026-06-11T01:00:00Z"))).isFalse(); // 21:00
    }

    @Test
    void dst_start_day_in_new_york_moves_the_window_by_an_hour_in_utc_and_honolulu_does_not_move() {
        var ny = ZONES.zoneKey(NEW_YORK);
        var hnl = ZONES.zoneKey(HONOLULU);
        // 2026-03-08: clocks spring forward at 02:00 local. 12:30Z is 08:30 EDT that day, 07:30 EST the day before.
        assertThat(WindowRule.isOpen(DEFAULT, ny, Instant.parse("2026-03-08T12:30:00Z"))).isTrue();
        assertThat(WindowRule.isOpen(DEFAULT, ny, Instant.parse("2026-03-07T12:30:00Z"))).isFalse();
        // Honolulu keeps HST (UTC-10): 18:30Z is 08:30 on both days
        assertThat(WindowRule.isOpen(DEFAULT, hnl, Instant.parse("2026-03-08T18:30:00Z"))).isTrue();
        assertThat(WindowRule.isOpen(DEFAULT, hnl, Instant.parse("2026-03-07T18:30:00Z"))).isTrue();
    }

    @Test
    void dst_end_day_in_new_york_keeps_the_local_window() {
        var ny = ZONES.zoneKey(NEW_YORK);
        // 2026-11-01: clocks fall back at 02:00 local. 00:30Z on Nov 2 is 19:30 EST (open); 01:30Z is 20:30 (open);
        // 02:00Z is 21:00 EST (closed), whereas the day before 01:00Z was already 21:00 EDT (closed).
        assertThat(WindowRule.isOpen(DEFAULT, ny, Instant.parse("2026-11-02T01:30:00Z"))).isTrue();
        assertThat(WindowRule.isOpen(DEFAULT, ny, Instant.parse("2026-11-02T02:00:00Z"))).isFalse();
        assertThat(WindowRule.isOpen(DEFAULT, ny, Instant.parse("2026-10-31T01:00:00Z"))).isFalse();
    }

    @Test
    void days_are_local_days() {
        var weekdays = new CallingWindow(8, 21, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        var hnl = ZONES.zoneKey(HONOLULU);
        // 2026-06-13T02:00Z is Saturday in UTC but Friday 16:00 in Honolulu
        assertThat(WindowRule.isOpen(weekdays, hnl, Instant.parse("2026-06-13T02:00:00Z"))).isTrue();
        // 2026-06-13T20:00Z is Saturday 10:00 in Honolulu
        assertThat(WindowRule.isOpen(weekdays, hnl, Instant.parse("2026-06-13T20:00:00Z"))).isFalse();
    }

    @Test
    void a_number_spanning_zones_is_called_only_while_the_window_is_open_in_all_of_them() {
        var key = "America/Chicago,America/Denver";
        // 14:30Z = 08:30 CST... in June: 09:30 CDT and 08:30 MDT -> both open
        assertThat(WindowRule.isOpen(DEFAULT, key, Instant.parse("2026-06-10T14:30:00Z"))).isTrue();
        // 13:30Z = 08:30 CDT, 07:30 MDT -> Denver still closed
        assertThat(WindowRule.isOpen(DEFAULT, key, Instant.parse("2026-06-10T13:30:00Z"))).isFalse();
        assertThat(ContactZones.zones(key)).hasSize(2);
    }

    @Test
    void a_night_window_wraps_midnight() {
        var night = new CallingWindow(22, 6, Set.of());
        assertThat(WindowRule.hourAllowed(night, 23)).isTrue();
        assertThat(WindowRule.hourAllowed(night, 5)).isTrue();
        assertThat(WindowRule.hourAllowed(night, 6)).isFalse();
        assertThat(WindowRule.hourAllowed(night, 12)).isFalse();
    }
}
