package com.revos.voice.provisioning.phonenumber.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TwilioNumberSidTest {

    @Test
    void twilio_number_sids_are_pn_and_thirty_two_hex_digits() {
        assertThat(TwilioNumberSid.isValid("PN" + "0123456789abcdef".repeat(2))).isTrue();
        assertThat(TwilioNumberSid.isValid("PN123")).isFalse();
        assertThat(TwilioNumberSid.isValid("CA" + "0123456789abcdef".repeat(2))).isFalse();
        assertThat(TwilioNumberSid.isValid(null)).isFalse();
    }
}
