package com.revos.voice.dialer.campaign.model;

import com.revos.voice.events.CallingWindow;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Whether a calling window is open now in a contact's own local time (FCC 47 CFR 64.1200(c)(1)). */
public final class WindowRule {

    private WindowRule() {
    }

    /** Open when the local hour is in [start, end) and the local day is allowed, in every zone of the key. */
    public static boolean isOpen(CallingWindow window, String zoneKey, Instant now) {
        return ContactZones.zones(zoneKey).stream().allMatch(zone -> {
            var local = now.atZone(zone);
            return window.days().contains(local.getDayOfWeek()) && hourAllowed(window, local.getHour());
        });
    }

    /** The zone keys among {@code keys} in which the window is open now. */
    public static List<String> openZoneKeys(CallingWindow window, Collection<String> keys, Instant now) {
        return keys.stream().filter(key -> isOpen(window, key, now)).sorted().toList();
    }

    /** An end before the start wraps past midnight (22-06 is a night window). */
    static boolean hourAllowed(CallingWindow window, int hour) {
        if (window.startHour() <= window.endHour()) {
            return hour >= window.startHour() && hour < window.endHour();
        }
        return hour >= window.startHour() || hour < window.endHour();
    }
}
