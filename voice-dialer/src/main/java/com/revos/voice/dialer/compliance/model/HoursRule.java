package com.revos.voice.dialer.compliance.model;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One legal rule on when a person may be called, in their own local time: hours {@code [startHour, endHour)} on
 * {@code days}, and at most {@code callsPer24h} calls in any rolling 24 hours (null: the rule sets no cap).
 *
 * @param id stable identifier named in refusals and evidence, e.g. {@code us-federal}, {@code us-FL}
 * @param name what an auditor reads, with the source of the rule
 */
public record HoursRule(String id, String name, int startHour, int endHour, Set<DayOfWeek> days,
                        @Nullable Integer callsPer24h) {

    /** Every day of the week: a rule without days of its own applies on all of them. */
    public static final Set<DayOfWeek> EVERY_DAY = Collections.unmodifiableSet(EnumSet.allOf(DayOfWeek.class));

    public HoursRule {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a calling-hours rule needs an id");
        }
        if (startHour < 0 || endHour > 24 || startHour >= endHour) {
            throw new IllegalArgumentException("rule " + id + ": hours must satisfy 0 <= start < end <= 24, not "
                    + startHour + "-" + endHour);
        }
        if (callsPer24h != null && callsPer24h < 1) {
            throw new IllegalArgumentException("rule " + id + ": calls per 24 h must be at least 1");
        }
        days = days == null || days.isEmpty() ? EVERY_DAY
                : Collections.unmodifiableSet(EnumSet.copyOf(days));
        name = name == null || name.isBlank() ? id : name;
    }

    /** Whether a call may be placed at this local date-time. */
    public boolean allows(ZonedDateTime local) {
        return days.contains(local.getDayOfWeek()) && local.getHour() >= startHour && local.getHour() < endHour;
    }

    /** The rule's hours as a person reads them, e.g. {@code 08:00-20:00} or {@code 08:00-21:00 Mon-Fri}. */
    public String hours() {
        return describe(startHour, endHour, days);
    }

    static String describe(int start, int end, Set<DayOfWeek> days) {
        var hours = String.format(Locale.ROOT, "%02d:00-%02d:00", start, end);
        if (days.size() == 7) {
            return hours;
        }
        if (days.isEmpty()) {
            return hours + " never";
        }
        if (days.equals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))) {
            return hours + " Mon-Fri";
        }
        return hours + " " + days.stream().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                .collect(Collectors.joining(","));
    }
}
