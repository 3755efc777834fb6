package com.revos.voice.provisioning.phonenumber.model;

import org.jspecify.annotations.Nullable;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Optional;

/**
 * A valid phone number in E.164 form, with the country (ISO 3166 alpha-2) and geographic area code derived from it
 * (libphonenumber's metadata, so assignment can match {@code area_code} requests).
 */
public record E164(String value, String country, @Nullable String areaCode) {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /** The number, or why it is not an E.164 number we can use. */
    public static Parsed parse(String text) {
        if (text == null || !text.matches("\\+[1-9][0-9]{6,14}")) {
            return new Parsed(Optional.empty(), "must be E.164: '+', country code and number, digits only "
                    + "(e.g. +14155550123)");
        }
        try {
            var number = PHONES.parse(text, "ZZ");
            if (!PHONES.isValidNumber(number)) {
                return new Parsed(Optional.empty(), "is not a valid phone number for its country");
            }
            var national = PHONES.getNationalSignificantNumber(number);
            var areaLength = PHONES.getLengthOfGeographicalAreaCode(number);
            return new Parsed(Optional.of(new E164(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164),
                    PHONES.getRegionCodeForNumber(number), areaLength > 0 ? national.substring(0, areaLength) : null)),
                    null);
        } catch (NumberParseException e) {
            return new Parsed(Optional.empty(), "is not a phone number: " + e.getErrorType().name().toLowerCase());
        }
    }

    public record Parsed(Optional<E164> number, @Nullable String reason) {
    }
}
