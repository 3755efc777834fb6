package com.revos.voice.simulator.twilio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Makes up numbers to "buy": {@code +1 <area> 555 01xx}, the range reserved for fiction, so that a simulated
 * number can never dial a real person. The same query always yields the same numbers, minus the ones owned.
 */
final class AvailableNumbers {

    /** A few area codes with a plausible place; any other area code works, without a locality. */
    private static final Map<String, Place> PLACES = Map.of(
            "512", new Place("Austin", "TX", "78701", "AUSTIN", "30.2672", "-97.7431"),
            "415", new Place("San Francisco", "CA", "94103", "SNFC CNTL", "37.7749", "-122.4194"),
            "212", new Place("New York", "NY", "10001", "NWYRCYZN01", "40.7128", "-74.0060"),
            "312", new Place("Chicago", "IL", "60601", "CHICAGO", "41.8781", "-87.6298"),
            "305", new Place("Miami", "FL", "33101", "MIAMI", "25.7617", "-80.1918"));
    private static final String DEFAULT_LOCAL_AREA = "512";
    private static final String DEFAULT_TOLL_FREE_AREA = "833";

    private AvailableNumbers() {
    }

    static List<Map<String, Object>> search(String country, boolean tollFree, @Nullable String areaCode,
                                            @Nullable String contains,
                                            int limit, Predicate<String> owned) {
        String area = areaCode != null && areaCode.matches("\\d{3}") ? areaCode
                : tollFree ? DEFAULT_TOLL_FREE_AREA : DEFAULT_LOCAL_AREA;
        Pattern pattern = containsPattern(contains);
        List<Map<String, Object>> found = new ArrayList<>();
        for (int i = 0; i < 100 && found.size() < limit; i++) {
            String e164 = String.format(Locale.ROOT, "+1%s55501%02d", area, i);
            if (!owned.test(e164) && (pattern == null || pattern.matcher(e164).find())) {
                found.add(entry(e164, area, country, tollFree));
            }
        }
        return found;
    }

    static String friendlyName(String e164) {
        String digits = e164.substring(2);
        return "(" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "-" + digits.substring(6);
    }

    /** Twilio's {@code Contains}: digits, {@code *} for any one digit, letters as on a phone keypad. */
    static @Nullable Pattern containsPattern(@Nullable String contains) {
        if (contains == null || contains.isBlank()) {
            return null;
        }
        StringBuilder regex = new StringBuilder();
        for (char c : contains.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '*') {
                regex.append("\\d");
            } else if (Character.isDigit(c)) {
                regex.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                regex.append("22233344455566677778889999".charAt(c - 'A'));
            } else if (c == '+') {
                regex.append("\\+");
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static Map<String, Object> entry(String e164, String area, String country, boolean tollFree) {
        Place place = tollFree ? null : PLACES.get(area);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("friendly_name", friendlyName(e164));
        entry.put("phone_number", e164);
        entry.put("lata", place == null ? null : "558");
        entry.put("locality", place == null ? null : place.locality());
        entry.put("rate_center", place == null ? null : place.rateCenter());
        entry.put("latitude", place == null ? null : place.latitude());
        entry.put("longitude", place == null ? null : place.longitude());
        entry.put("region", place == null ? null : place.region());
        entry.put("postal_code", place == null ? null : place.postalCode());
        entry.put("iso_country", country);
        entry.put("address_requirements", "none");
        entry.put("beta", false);
        // Twilio spells the keys of available numbers' capabilities like this, unlike IncomingPhoneNumber's
        entry.put("capabilities", Map.of("voice", true, "SMS", true, "MMS", true, "fax", false));
        return entry;
    }

    private record Place(String locality, String region, String postalCode, String rateCenter, String latitude,
                         String longitude) {
    }
}
