package com.revos.voice.dialer.compliance.model;

import com.revos.voice.events.CallingWindow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The legal ceiling for one contact: every rule that applies to it, evaluated in every zone it may be in. A call is
 * allowed only when each rule allows it in each zone, so the stricter rule and the least favourable zone always
 * win; the campaign's own window can only narrow it further.
 */
public record Ceiling(List<HoursRule> rules, List<ZoneId> zones) {

    /** Local hours change on quarter hours in every zone in use (offsets like +05:45 included). */
    private static final Duration STEP = Duration.ofMinutes(15);
    private static final Duration HORIZON = Duration.ofDays(8);

    public Ceiling {
        if (rules.isEmpty() || zones.isEmpty()) {
            throw new IllegalArgumentException("a ceiling needs at least one rule and one zone");
        }
        rules = List.copyOf(rules);
        zones = List.copyOf(zones);
    }

    /** The first rule that forbids a call at {@code at} in one of the zones; empty when all allow it. */
    public Optional<HoursRule> closedBy(Instant at) {
        for (var rule : rules) {
            for (var zone : zones) {
                if (!rule.allows(at.atZone(zone))) {
                    return Optional.of(rule);
                }
            }
        }
        return Optional.empty();
    }

    public boolean openAt(Instant at) {
        return closedBy(at).isEmpty();
    }

    /** Whether the campaign window, applied in the contact's local time, is open in every zone. */
    public boolean windowOpen(@Nullable CallingWindow window, Instant at) {
        return window == null || zones.stream().allMatch(zone -> {
            var local = at.atZone(zone);
            return window.days().contains(local.getDayOfWeek()) && hourIn(window, local.getHour());
        });
    }

    /** The first moment from {@code from} on at which both the ceiling and the window are open; empty if none soon. */
    public Optional<Instant> nextOpen(Instant from, @Nullable CallingWindow window) {
        if (openAt(from) && windowOpen(window, from)) {
            return Optional.of(from);
        }
        var start = from.truncatedTo(ChronoUnit.MINUTES);
        start = start.plus(Duration.ofMinutes(15 - start.atZone(ZoneId.of("UTC")).getMinute() % 15));
        for (var at = start; at.isBefore(from.plus(HORIZON)); at = at.plus(STEP)) {
            if (openAt(at) && windowOpen(window, at)) {
                return Optional.of(at);
            }
        }
        return Optional.empty();
    }

    /** The fewest calls per rolling 24 h any applying rule allows; empty when none sets a cap. */
    public OptionalInt callsPer24h() {
        return rules.stream().filter(rule -> rule.callsPer24h() != null).mapToInt(HoursRule::callsPer24h).min();
    }

    /** The rule setting the cap of {@link #callsPer24h()}. */
    public Optional<HoursRule> capRule() {
        return rules.stream().filter(rule -> rule.callsPer24h() != null)
                .min(java.util.Comparator.comparingInt(HoursRule::callsPer24h));
    }

    public int startHour() {
        return rules.stream().mapToInt(HoursRule::startHour).max().orElseThrow();
    }

    public int endHour() {
        return rules.stream().mapToInt(HoursRule::endHour).min().orElseThrow();
    }

    public EnumSet<DayOfWeek> days() {
        var days = EnumSet.allOf(DayOfWeek.class);
        rules.forEach(rule -> days.retainAll(rule.days()));
        return days;
    }

    /** What the law allows this contact, as refusals and evidence say it: {@code 08:00-20:00 (America/New_York)}. */
    public String allowedHours() {
        var hours = startHour() < endHour() ? HoursRule.describe(startHour(), endHour(), days()) : "never";
        return hours + " local time (" + zones.stream().map(ZoneId::getId).collect(Collectors.joining(", ")) + ")";
    }

    public List<String> ruleIds() {
        return rules.stream().map(HoursRule::id).toList();
    }

    static boolean hourIn(CallingWindow window, int hour) {
        if (window.startHour() <= window.endHour()) {
            return hour >= window.startHour() && hour < window.endHour();
        }
        return hour >= window.startHour() || hour < window.endHour();
    }
}
