package com.revos.voice.values;

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

    @ParameterizedTest
    @ValueSource(strings = {"+14155551234", " +1 415 555 1234 ", "+1 (415) 555-1234", "+1.415.555.1234"})
    void a_number_as_people_write_it_is_normalized_when_it_has_its_country_code(String written) {
        assertThat(E164.normalize(written)).get().extracting(E164::value).isEqualTo("+14155551234");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4155551234", "(415) 555-1234", "+19995551234", "+1415", "call me", " "})
    void a_number_without_its_country_code_or_impossible_for_it_is_not_normalized(String written) {
        assertThat(E164.normalize(written)).isEmpty();
    }

    @Test
    void nothing_is_not_a_number() {
        assertThat(E164.normalize(null)).isEmpty();
        assertThat(E164.parse(null).reason()).isNotBlank();
    }
}
