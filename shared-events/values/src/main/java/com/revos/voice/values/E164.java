package com.revos.voice.values;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A valid phone number in canonical E.164 form, as {@link #parse} or {@link #normalize} found it; its country
 * (ISO 3166 alpha-2) and geographic area code are derived from libphonenumber's metadata when asked for (reading a
 * contact upload needs only the number, and deriving them costs as much again as the validation). The one
 * definition of a phone number for every service: {@link #parse} reads a number that must already be written in
 * E.164 (an API field that says so) and says why not; {@link #normalize} reads a number as people write it
 * ({@code +1 (415) 555-0123}), as long as it has its country code.
 */
public record E164(String value) {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern STRICT = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public E164 {
        if (!STRICT.matcher(value).matches()) {
            throw new IllegalArgumentException("not in E.164 form: use E164.parse or E164.normalize");
        }
    }

    /** The number written exactly in E.164, or why it is not an E.164 number we can use. */
    public static Parsed parse(@Nullable String text) {
        if (text == null || !STRICT.matcher(text).matches()) {
            return Parsed.refused("must be E.164: '+', country code and number, digits only (e.g. +14155550123)");
        }
        try {
            return valid(PHONES.parse(text, "ZZ"))
                    .map(Parsed::of)
                    .orElseGet(() -> Parsed.refused("is not a valid phone number for its country"));
        } catch (NumberParseException e) {
            return Parsed.refused("is not a phone number: " + e.getErrorType().name().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * The number as people write it, with its country code ({@code +...}) and any spaces, dashes, dots or
     * parentheses; empty when it has no country code or is not a valid number for its country.
     */
    public static Optional<E164> normalize(@Nullable String raw) {
        if (raw == null || raw.isBlank() || !raw.strip().startsWith("+")) {
            return Optional.empty();
        }
        try {
            return valid(PHONES.parse(raw.strip(), "ZZ"));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The country the number belongs to (ISO 3166 alpha-2; {@code 001} for non-geographic numbers). */
    public String country() {
        return PHONES.getRegionCodeForNumber(number());
    }

    /** The geographic area code (the NANP area code, a UK dialling code...), or null when the number has none. */
    public @Nullable String areaCode() {
        var number = number();
        var areaLength = PHONES.getLengthOfGeographicalAreaCode(number);
        return areaLength > 0 ? PHONES.getNationalSignificantNumber(number).substring(0, areaLength) : null;
    }

    private PhoneNumber number() {
        try {
            return PHONES.parse(value, "ZZ");
        } catch (NumberParseException e) {
            throw new IllegalStateException("an E164 was valid when it was made", e);
        }
    }

    private static Optional<E164> valid(PhoneNumber number) {
        return PHONES.isValidNumber(number)
                ? Optional.of(new E164(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)))
                : Optional.empty();
    }

    /** A number, or the reason it was refused (one of the two). */
    public record Parsed(Optional<E164> number, @Nullable String reason) {

        static Parsed of(E164 number) {
            return new Parsed(Optional.of(number), null);
        }

        static Parsed refused(String reason) {
            return new Parsed(Optional.empty(), reason);
        }
    }
}
