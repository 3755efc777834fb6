package com.revos.voice.dialer.compliance.model;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds a contact's {@link Jurisdiction}: the number's country, zones (libphonenumber, from the area code; several
 * when it spans zones) and, for US numbers, the state the area code is geocoded to; then the contact's own
 * {@code time_zone}, {@code state} and {@code postal_code}, each added, never replacing what the number says.
 * A number with no known zone gets the operator's default zone, marked as such.
 */
public final class Locator {

    /** The US and the territories where the TCPA applies (all in the North American Numbering Plan). */
    public static final Set<String> US = Set.of("US", "PR", "GU", "VI", "AS", "MP");

    /**
     * libphonenumber gives a non-geographic number (US toll-free, 500) every zone of the numbering plan; such a list
     * says nothing about the person, so a zone the contact names replaces it (otherwise all are kept, and the
     * number can only be called when every one of them is inside the hours: in practice, never).
     */
    static final int NON_GEOGRAPHIC = 5;

    private final PhoneNumberToTimeZonesMapper zones = PhoneNumberToTimeZonesMapper.getInstance();
    private final PhoneNumberOfflineGeocoder geocoder = PhoneNumberOfflineGeocoder.getInstance();
    private final ZoneId fallback;

    public Locator(ZoneId fallback) {
        this.fallback = fallback;
    }

    public Jurisdiction locate(String e164, ContactFacts facts) {
        var found = new ArrayList<Jurisdiction.Zone>();
        var states = new ArrayList<Jurisdiction.State>();
        var country = "ZZ";
        var number = parse(e164);
        if (number != null) {
            var region = PhoneNumberUtil.getInstance().getRegionCodeForNumber(number);
            country = region == null ? "ZZ" : region;
            for (var zone : zones.getTimeZonesForNumber(number)) {
                if (!PhoneNumberToTimeZonesMapper.getUnknownTimeZone().equals(zone)
                        && ZoneId.getAvailableZoneIds().contains(zone)) {
                    found.add(new Jurisdiction.Zone(ZoneId.of(zone), Source.AREA_CODE));
                }
            }
            if ("US".equals(country)) {
                UsStates.ofGeocoded(geocoder.getDescriptionForNumber(number, Locale.ENGLISH))
                        .ifPresent(state -> states.add(new Jurisdiction.State(state, Source.AREA_CODE)));
            }
        }
        if (facts.timeZone() != null && found.size() >= NON_GEOGRAPHIC) {
            found.clear();
        }
        if (facts.timeZone() != null) {
            found.add(new Jurisdiction.Zone(facts.timeZone(), Source.TIME_ZONE));
        }
        if (found.isEmpty()) {
            found.add(new Jurisdiction.Zone(fallback, Source.DEFAULT_ZONE));
        }
        if (facts.state() != null) {
            states.add(new Jurisdiction.State(facts.state(), Source.STATE));
        }
        UsStates.ofZip(facts.postalCode())
                .ifPresent(state -> states.add(new Jurisdiction.State(state, Source.POSTAL_CODE)));
        return new Jurisdiction(country, found, states);
    }

    private static Phonenumber.@Nullable PhoneNumber parse(String e164) {
        try {
            return PhoneNumberUtil.getInstance().parse(e164, "ZZ");
        } catch (NumberParseException e) {
            return null;
        }
    }
}
