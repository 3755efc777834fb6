package com.revos.voice.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.twilio.base.ResourceSet;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import com.twilio.rest.api.v2010.account.availablephonenumbercountry.Local;
import com.twilio.type.PhoneNumber;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's Twilio responses, parsed by the real twilio-java SDK. */
class TwilioNumbersIT extends SimulatorITSupport {

    static final String ACCOUNT_SID = "AC11111111111111111111111111111111";

    TwilioRestClient twilio;

    @BeforeEach
    void client() {
        twilio = new TwilioRestClient.Builder(ACCOUNT_SID, "local-twilio-token")
                .httpClient(new HostRewritingHttpClient(URI.create("http://localhost:" + port)))
                .build();
    }

    @Test
    void search_buy_find_and_release_a_number() {
        ResourceSet<Local> found = Local.reader("US").setAreaCode(415).setVoiceEnabled(true).limit(3).read(twilio);
        List<Local> numbers = new ArrayList<>();
        found.forEach(numbers::add);
        assertThat(numbers).hasSize(3);
        Local first = numbers.getFirst();
        assertThat(first.getPhoneNumber().toString()).startsWith("+1415555");
        assertThat(first.getLocality()).isEqualTo("San Francisco");
        assertThat(first.getIsoCountry()).isEqualTo("US");
        assertThat(first.getCapabilities().getVoice()).isTrue();

        String e164 = first.getPhoneNumber().toString();
        IncomingPhoneNumber bought = IncomingPhoneNumber.creator(new PhoneNumber(e164)).setFriendlyName("revos-pool")
                .setVoiceUrl(URI.create("https://example.com/voice")).create(twilio);
        assertThat(bought.getSid()).startsWith("PN").hasSize(34);
        assertThat(bought.getPhoneNumber().toString()).isEqualTo(e164);
        assertThat(bought.getFriendlyName()).isEqualTo("revos-pool");
        assertThat(bought.getAccountSid()).isEqualTo(ACCOUNT_SID);
        assertThat(bought.getDateCreated()).isNotNull();
        assertThat(bought.getVoiceUrl()).isEqualTo(URI.create("https://example.com/voice"));

        List<IncomingPhoneNumber> owned = new ArrayList<>();
        IncomingPhoneNumber.reader().setPhoneNumber(new PhoneNumber(e164)).limit(1).read(twilio).forEach(owned::add);
        assertThat(owned).extracting(IncomingPhoneNumber::getSid).containsExactly(bought.getSid());

        List<String> stillAvailable = new ArrayList<>();
        Local.reader("US").setAreaCode(415).limit(5).read(twilio)
                .forEach(n -> stillAvailable.add(n.getPhoneNumber().toString()));
        assertThat(stillAvailable).doesNotContain(e164);

        assertThatThrownBy(() -> IncomingPhoneNumber.creator(new PhoneNumber(e164)).create(twilio))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(21422));

        assertThat(IncomingPhoneNumber.deleter(bought.getSid()).delete(twilio)).isTrue();
        assertThatThrownBy(() -> IncomingPhoneNumber.deleter(bought.getSid()).delete(twilio))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }

    @Test
    void buying_by_area_code_picks_a_free_number() {
        IncomingPhoneNumber bought = IncomingPhoneNumber.creator("512").create(twilio);

        assertThat(bought.getPhoneNumber().toString()).startsWith("+1512555");
        IncomingPhoneNumber.deleter(bought.getSid()).delete(twilio);
    }

    @Test
    void requests_without_basic_auth_are_rejected() {
        Reply reply = send("GET", "/2010-04-01/Accounts/" + ACCOUNT_SID + "/AvailablePhoneNumbers/US/Local.json",
                null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.map()).containsEntry("code", 20003);
    }
}
