package com.revos.voice.dialer.common.model;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Optional;

/** E.164 validation: only numbers written with their country code ({@code +...}) and valid for it. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** The number in canonical E.164, or empty when it is not a valid international number. */
    public static Optional<String> e164(String raw) {
        if (raw == null || raw.isBlank() || !raw.strip().startsWith("+")) {
            return Optional.empty();
        }
        try {
            var number = UTIL.parse(raw.strip(), "ZZ");
            return UTIL.isValidNumber(number)
                    ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
