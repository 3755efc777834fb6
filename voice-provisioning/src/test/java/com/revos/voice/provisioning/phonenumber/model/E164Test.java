package com.revos.voice.provisioning.phonenumber.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class E164Test {

    @Test
    void a_us_number_knows_its_country_and_area_code() {
        var parsed = E164.parse("+14155551234").number().orElseThrow();

        assertThat(parsed.value()).isEqualTo("+14155551234");
        assertThat(parsed.country()).isEqualTo("US");
        assertThat(parsed.areaCode()).isEqualTo("415");
    }

    @Test
    void a_uk_number_is_valid_too() {
        assertThat(E164.parse("+442071838750").number()).get().extracting(E164::country).isEqualTo("GB");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4155551234", "+1 415 555 1234", "+1415555", "+19995551234", "+0123456789", "", "+1-415"})
    void malformed_or_impossible_numbers_say_why(String text) {
        var parsed = E164.parse(text);

        assertThat(parsed.number()).isEmpty();
        assertThat(parsed.reason()).isNotBlank();
    }

    @Test
    void twilio_number_sids_are_pn_and_thirty_two_hex_digits() {
        assertThat(TwilioNumberSid.isValid("PN" + "0123456789abcdef".repeat(2))).isTrue();
        assertThat(TwilioNumberSid.isValid("PN123")).isFalse();
        assertThat(TwilioNumberSid.isValid("CA" + "0123456789abcdef".repeat(2))).isFalse();
        assertThat(TwilioNumberSid.isValid(null)).isFalse();
    }
}
