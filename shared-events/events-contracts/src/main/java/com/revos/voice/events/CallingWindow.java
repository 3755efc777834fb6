package com.revos.voice.events;

import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Hours and weekdays in which a contact may be called, applied in the contact's own local time.
 * {@code startHour} is inclusive and {@code endHour} exclusive (08-21 allows 08:00 to 20:59).
 */
public record CallingWindow(int startHour, int endHour, Set<DayOfWeek> days) {

    /** Days are kept in week order (and all days when none are given), so equal windows serialize equally. */
    public CallingWindow {
        days = days == null || days.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.allOf(DayOfWeek.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(days));
    }

    public static final CallingWindow DEFAULT = new CallingWindow(8, 21, Set.of(DayOfWeek.values()));
}
