package com.revos.voice.dialer.compliance.model;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

/**
 * Number patterns of places spread around the world, and which of them are inside the legal calling hours now and
 * for a while: for demos and local runs that must dial at whatever hour they are started, without ever widening
 * the ceiling. An {@code X} in a pattern is a random digit.
 */
public final class DaytimeNumbers {

    /** A place and a pattern of valid numbers there. */
    public record Place(String name, String pattern) {

        /** A number of this place, its X digits drawn from {@code random}. */
        public String number(Random random) {
            var digits = new StringBuilder();
            for (var c : pattern.toCharArray()) {
                digits.append(c == 'X' ? (char) ('0' + random.nextInt(10)) : c);
            }
            return digits.toString();
        }

        /** How many numbers the pattern holds. */
        long capacity() {
            return (long) Math.pow(10, pattern.chars().filter(c -> c == 'X').count());
        }
    }

    /**
     * {@code count} different numbers, dealt over {@code places} in turn, their X digits drawn from {@code random}: a
     * list of contacts holds each person once, so that every one of them is dialed (a repeat is rejected at upload).
     *
     * @throws IllegalArgumentException when the places' patterns hold fewer numbers than a fair share asks of them
     */
    public static List<String> distinctNumbers(int count, Random random, List<Place> places) {
        var perPlace = (count + places.size() - 1) / places.size();
        for (var place : places) {
            if (perPlace > place.capacity() / 2) {
                throw new IllegalArgumentException("%d numbers over %d places ask %d of %s, whose pattern %s holds %d"
                        .formatted(count, places.size(), perPlace, place.name(), place.pattern(), place.capacity()));
            }
        }
        var numbers = new LinkedHashSet<String>();
        while (numbers.size() < count) {
            // a repeat adds nothing, so the same place draws again
            numbers.add(places.get(numbers.size() % places.size()).number(random));
        }
        return List.copyOf(numbers);
    }

    public static final List<Place> PLACES = List.of(
            new Place("New York", "+1212555XXXX"), new Place("Miami", "+1305555XXXX"),
            new Place("Chicago", "+1312555XXXX"), new Place("Dallas", "+1214555XXXX"),
            new Place("Denver", "+1303555XXXX"), new Place("Phoenix", "+1602555XXXX"),
            new Place("Los Angeles", "+1213555XXXX"), new Place("Seattle", "+1206555XXXX"),
            new Place("Anchorage", "+1907555XXXX"), new Place("Honolulu", "+1808555XXXX"),
            new Place("San Juan", "+1787555XXXX"), new Place("Pago Pago", "+1684633XXXX"),
            new Place("Guam", "+1671555XXXX"), new Place("London", "+44207946XXXX"),
            new Place("Berlin", "+493012XXXXXX"), new Place("Mumbai", "+912261XXXXXX"),
            new Place("Tokyo", "+8135XXXXXXX"), new Place("Sydney", "+61282XXXXXX"));

    private DaytimeNumbers() {
    }

    /**
     * The places whose ceiling is open from {@code now} for {@code span}, in list order. Empty only on weekends
     * between 11:00 and 12:00 UTC: Guam has closed, Puerto Rico not opened, and other countries' default rule
     * allows weekdays only.
     */
    public static List<Place> openNow(CallingHoursPolicy policy, Instant now, Duration span) {
        var locator = new Locator(ZoneId.of("UTC"));
        var random = new Random(1);
        return PLACES.stream().filter(place -> {
            var number = place.number(random);
            if (!valid(number)) {
                return false;
            }
            var ceiling = policy.ceiling(locator.locate(number, ContactFacts.NONE));
            for (var at = now; at.isBefore(now.plus(span)); at = at.plus(Duration.ofMinutes(15))) {
                if (!ceiling.openAt(at)) {
                    return false;
                }
            }
            return true;
        }).toList();
    }

    static boolean valid(String e164) {
        try {
            var util = PhoneNumberUtil.getInstance();
            return util.isValidNumber(util.parse(e164, "ZZ"));
        } catch (NumberParseException e) {
            return false;
        }
    }
}
