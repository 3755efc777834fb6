package com.revos.voice.dialer.campaign.model;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * A contact's local time zone(s), from its number. When libphonenumber names several zones for a number (an area
 * code spanning zones, a non-geographic number), the key keeps all of them, sorted, and {@link WindowRule} only
 * calls while the window is open in every one of them: deterministic, and never early or late for the contact
 * whichever zone they are really in. Unknown zones fall back to the configured default zone.
 */
public final class ContactZones {

    private static final String SEPARATOR = ",";
    private final PhoneNumberToTimeZonesMapper mapper = PhoneNumberToTimeZonesMapper.getInstance();
    private final ZoneId fallback;

    public ContactZones(ZoneId fallback) {
        this.fallback = fallback;
    }

    /** The zone key of an E.164 number, e.g. {@code America/New_York} or {@code America/Chicago,America/Denver}. */
    public String zoneKey(String e164) {
        try {
            var number = PhoneNumberUtil.getInstance().parse(e164, "ZZ");
            var zones = new TreeSet<String>();
            for (var zone : mapper.getTimeZonesForNumber(number)) {
                if (!PhoneNumberToTimeZonesMapper.getUnknownTimeZone().equals(zone) && isKnown(zone)) {
                    zones.add(zone);
                }
            }
            return zones.isEmpty() ? fallback.getId() : String.join(SEPARATOR, zones);
        } catch (NumberParseException e) {
            return fallback.getId();
        }
    }

    public static List<ZoneId> zones(String zoneKey) {
        return Arrays.stream(zoneKey.split(SEPARATOR)).map(ZoneId::of).toList();
    }

    /** The contact's local hour at {@code at}, in the first of its zones (the key is sorted, so it is stable). */
    public static int localHour(String zoneKey, java.time.Instant at) {
        return at.atZone(zones(zoneKey).getFirst()).getHour();
    }

    private static boolean isKnown(String zone) {
        return ZoneId.getAvailableZoneIds().contains(zone);
    }
}
