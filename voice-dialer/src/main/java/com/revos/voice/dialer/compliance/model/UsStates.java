package com.revos.voice.dialer.compliance.model;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * US states and territories by two-letter code: from a name or code a contact carries, from a ZIP code (its first
 * three digits, USPS prefix ranges), and from libphonenumber's geocoded description of a number ("Florida",
 * "Miami, FL").
 */
public final class UsStates {

    private static final Map<String, String> BY_NAME = new TreeMap<>();
    private static final String[] BY_ZIP_PREFIX = new String[1000];
    private static final Pattern CITY_STATE = Pattern.compile(".*,\\s*([A-Z]{2})$");

    static {
        String[][] names = {{"AL", "Alabama"}, {"AK", "Alaska"}, {"AZ", "Arizona"}, {"AR", "Arkansas"},
            {"CA", "California"}, {"CO", "Colorado"}, {"CT", "Connecticut"}, {"DE", "Delaware"},
            {"DC", "District of Columbia"}, {"DC", "Washington D.C."}, {"DC", "Washington DC"}, {"FL", "Florida"},
            {"GA", "Georgia"}, {"HI", "Hawaii"}, {"ID", "Idaho"}, {"IL", "Illinois"}, {"IN", "Indiana"},
            {"IA", "Iowa"}, {"KS", "Kansas"}, {"KY", "Kentucky"}, {"LA", "Louisiana"}, {"ME", "Maine"},
            {"MD", "Maryland"}, {"MA", "Massachusetts"}, {"MI", "Michigan"}, {"MN", "Minnesota"},
            {"MS", "Mississippi"}, {"MO", "Missouri"}, {"MT", "Montana"}, {"NE", "Nebraska"}, {"NV", "Nevada"},
            {"NH", "New Hampshire"}, {"NJ", "New Jersey"}, {"NM", "New Mexico"}, {"NY", "New York"},
            {"NC", "North Carolina"}, {"ND", "North Dakota"}, {"OH", "Ohio"}, {"OK", "Oklahoma"}, {"OR", "Oregon"},
            {"PA", "Pennsylvania"}, {"RI", "Rhode Island"}, {"SC", "South Carolina"}, {"SD", "South Dakota"},
            {"TN", "Tennessee"}, {"TX", "Texas"}, {"UT", "Utah"}, {"VT", "Vermont"}, {"VA", "Virginia"},
            {"WA", "Washington"}, {"WV", "West Virginia"}, {"WI", "Wisconsin"}, {"WY", "Wyoming"},
            {"PR", "Puerto Rico"}, {"GU", "Guam"}, {"VI", "U.S. Virgin Islands"}, {"VI", "US Virgin Islands"},
            {"AS", "American Samoa"}, {"MP", "Northern Mariana Islands"}};
        for (var pair : names) {
            BY_NAME.put(pair[1].toLowerCase(Locale.ROOT), pair[0]);
            BY_NAME.put(pair[0].toLowerCase(Locale.ROOT), pair[0]);
        }
        // USPS three-digit ZIP prefixes (military APO/FPO prefixes 090-099, 340, 962-966 name no state)
        Object[][] ranges = {{5, 5, "NY"}, {6, 9, "PR"}, {10, 27, "MA"}, {28, 29, "RI"}, {30, 38, "NH"},
            {39, 49, "ME"}, {50, 59, "VT"}, {55, 55, "MA"}, {60, 69, "CT"}, {70, 89, "NJ"}, {100, 149, "NY"},
            {150, 196, "PA"}, {197, 199, "DE"}, {200, 205, "DC"}, {206, 219, "MD"}, {220, 246, "VA"},
            {247, 268, "WV"}, {270, 289, "NC"}, {290, 299, "SC"}, {300, 319, "GA"}, {320, 339, "FL"},
            {341, 349, "FL"}, {350, 369, "AL"}, {370, 385, "TN"}, {386, 397, "MS"}, {398, 399, "GA"},
            {400, 427, "KY"}, {430, 459, "OH"}, {460, 479, "IN"}, {480, 499, "MI"}, {500, 528, "IA"},
            {530, 549, "WI"}, {550, 567, "MN"}, {569, 569, "DC"}, {570, 577, "SD"}, {580, 588, "ND"},
            {590, 599, "MT"}, {600, 629, "IL"}, {630, 658, "MO"}, {660, 679, "KS"}, {680, 693, "NE"},
            {700, 714, "LA"}, {716, 729, "AR"}, {730, 732, "OK"}, {733, 733, "TX"}, {734, 749, "OK"},
            {750, 799, "TX"}, {800, 816, "CO"}, {820, 831, "WY"}, {832, 838, "ID"}, {840, 847, "UT"},
            {850, 865, "AZ"}, {870, 884, "NM"}, {885, 885, "TX"}, {889, 898, "NV"}, {900, 961, "CA"},
            {967, 968, "HI"}, {969, 969, "GU"}, {970, 979, "OR"}, {980, 994, "WA"}, {995, 999, "AK"}};
        for (var range : ranges) {
            for (int p = (int) range[0]; p <= (int) range[1]; p++) {
                BY_ZIP_PREFIX[p] = (String) range[2];
            }
        }
    }

    private UsStates() {
    }

    /** The state's code from a code or a name, any case ({@code fl}, {@code Florida}). */
    public static Optional<String> code(String nameOrCode) {
        if (nameOrCode == null || nameOrCode.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_NAME.get(nameOrCode.strip().toLowerCase(Locale.ROOT)));
    }

    /** The state of a US ZIP code ({@code 33101}, {@code 33101-1234}); empty when it is not one or names none. */
    public static Optional<String> ofZip(@Nullable String postalCode) {
        if (postalCode == null) {
            return Optional.empty();
        }
        var zip = postalCode.strip();
        if (!zip.matches("\\d{5}(-\\d{4})?")) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_ZIP_PREFIX[Integer.parseInt(zip.substring(0, 3))]);
    }

    /** The state in libphonenumber's English description of a US number: "Florida" or "Miami, FL". */
    public static Optional<String> ofGeocoded(String description) {
        if (description == null || description.isBlank()) {
            return Optional.empty();
        }
        var matcher = CITY_STATE.matcher(description.strip());
        if (matcher.matches()) {
            return code(matcher.group(1));
        }
        return code(description);
    }
}
