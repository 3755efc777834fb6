package com.revos.voice.dialer.compliance.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.events.CallingWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DialRulesTest {

    private static final DialRules RULES = new DialRules(CallingHoursPolicy.standard(),
            new Locator(ZoneId.of("America/New_York")));
    private static final DialFacts.TenantRules TENANT = new DialFacts.TenantRules(10, true);

    /** number, contact's state / postal code / time zone, instant, expected rule ("" = placed). */
    @ParameterizedTest(name = "{0} state={1} zip={2} zone={3} at {4}: {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # New York (EDT in July): the federal 08:00-21:00
            +12125550100 | - | -     | -                   | 2026-07-15T12:00:00Z | -
            +12125550100 | - | -     | -                   | 2026-07-15T11:59:00Z | calling_hours:us-federal
            +12125550100 | - | -     | -                   | 2026-07-16T00:59:00Z | -
            +12125550100 | - | -     | -                   | 2026-07-16T01:00:00Z | calling_hours:us-federal
            # Florida and Oklahoma by area code: 08:00-20:00
            +13055550100 | - | -     | -                   | 2026-07-16T00:30:00Z | calling_hours:us-FL
            +13055550100 | - | -     | -                   | 2026-07-15T23:59:00Z | -
            +14055550100 | - | -     | -                   | 2026-07-16T01:30:00Z | calling_hours:us-OK
            +14055550100 | - | -     | -                   | 2026-07-15T13:00:00Z | -
            +14055550100 | - | -     | -                   | 2026-07-15T12:59:00Z | calling_hours:us-federal
            # an explicit state or postal code adds the state's rule to a New York number: the stricter wins
            +12125550100 | FL | -    | -                   | 2026-07-16T00:30:00Z | calling_hours:us-FL
            +12125550100 | - | 33101 | -                   | 2026-07-16T00:30:00Z | calling_hours:us-FL
            +12125550100 | - | 10001 | -                   | 2026-07-16T00:30:00Z | -
            # an explicit zone is added to the number's: 08:30 in New York is 05:30 in Los Angeles
            +12125550100 | - | -     | America/Los_Angeles | 2026-07-15T12:30:00Z | calling_hours:us-federal
            +12125550100 | - | -     | America/Los_Angeles | 2026-07-15T15:00:00Z | -
            # DST days (2026: starts 8 March, ends 1 November): 12:30Z is 07:30 EST or 08:30 EDT
            +12125550100 | - | -     | -                   | 2026-03-07T12:30:00Z | calling_hours:us-federal
            +12125550100 | - | -     | -                   | 2026-03-08T12:30:00Z | -
            +12125550100 | - | -     | -                   | 2026-10-31T12:30:00Z | -
            +12125550100 | - | -     | -                   | 2026-11-01T12:30:00Z | calling_hours:us-federal
            # 01:30Z is 21:30 EDT on 31 October, 20:30 EST on 1 November
            +12125550100 | - | -     | -                   | 2026-11-01T01:30:00Z | calling_hours:us-federal
            +12125550100 | - | -     | -                   | 2026-11-02T01:30:00Z | -
            +12125550100 | - | -     | -                   | 2026-11-02T02:00:00Z | calling_hours:us-federal
            # area codes spanning zones must be open in all: 605 (Mountain and Central), 208 (Mountain and Pacific)
            +16055550100 | - | -     | -                   | 2026-07-15T13:30:00Z | calling_hours:us-federal
            +16055550100 | - | -     | -                   | 2026-07-15T14:00:00Z | -
            +12085550100 | - | -     | -                   | 2026-07-16T03:30:00Z | calling_hours:us-federal
            +12085550100 | - | -     | -                   | 2026-07-16T02:30:00Z | -
            # Guam and Hawaii are US: the federal hours in their own zones
            +16715550100 | - | -     | -                   | 2026-07-15T18:00:00Z | calling_hours:us-federal
            +16715550100 | - | -     | -                   | 2026-07-15T00:00:00Z | -
            +18085550100 | - | -     | -                   | 2026-07-15T17:59:00Z | calling_hours:us-federal
            +18085550100 | - | -     | -                   | 2026-07-15T18:00:00Z | -
            # other countries: 08:00-21:00 on weekdays (Wednesday 15 July, Saturday 18 July)
            +442071234567 | - | -    | -                   | 2026-07-15T10:00:00Z | -
            +442071234567 | - | -    | -                   | 2026-07-18T10:00:00Z | calling_hours:country-default
            +442071234567 | - | -    | -                   | 2026-07-15T06:30:00Z | calling_hours:country-default
            # a number with no zone takes the default zone (New York here)
            +80012345678 | - | -     | -                   | 2026-07-15T12:30:00Z | -
            +80012345678 | - | -     | -                   | 2026-07-15T11:30:00Z | calling_hours:country-default
            # toll-free numbers are in every zone of the plan: never, unless the contact names its zone
            +18005550100 | - | -     | -                   | 2026-07-15T18:00:00Z | calling_hours:us-federal
            +18005550100 | - | -     | America/Chicago     | 2026-07-15T18:00:00Z | -
            """)
    void calling_hours_in_every_zone_and_state_the_contact_may_be_in(String number, String state, String zip,
                                                                      String zone, Instant at, String rule) {
        var facts = new ContactFacts(state, zip, zone == null ? null : ZoneId.of(zone), Consent.NONE);
        var evidence = RULES.decide(single(number, facts, List.of()), at, UUID.randomUUID());
        assertThat(evidence.rule()).isEqualTo(rule);
        assertThat(evidence.decision()).isEqualTo(rule == null ? Evidence.Decision.PLACED
                : Evidence.Decision.REFUSED);
        if (rule != null) {
            assertThat(evidence.detail()).contains("allowed");
        }
    }

    @ParameterizedTest(name = "{0}: zones {1}, states {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            +12125550100 | America/New_York(area_code)                                      | NY(area_code)
            +16055550100 | America/Denver(area_code);America/North_Dakota/Center(area_code) | SD(area_code)
            +13055550100 | America/New_York(area_code)                                      | FL(area_code)
            +80012345678 | America/New_York(default_zone)                                   | -
            """)
    void evidence_names_each_zone_and_state_with_its_source(String number, String zones, String states) {
        var evidence = RULES.decide(single(number, ContactFacts.NONE, List.of()),
                Instant.parse("2026-07-15T16:00:00Z"), UUID.randomUUID());
        assertThat(String.join(";", evidence.zones().stream().map(z -> z.zone() + "(" + z.source().wire() + ")")
                .toList())).isEqualTo(zones);
        assertThat(String.join(";", evidence.states().stream().map(s -> s.code() + "(" + s.source().wire() + ")")
                .toList())).isEqualTo(states == null ? "" : states);
        assertThat(evidence.localTimes()).hasSize(evidence.zones().size());
    }

    @org.junit.jupiter.api.Test
    void a_refusal_says_when_the_contact_may_be_called_again() {
        // 20:30 in Miami: Florida allows 08:00 again the next morning
        var evidence = RULES.decide(single("+13055550100", ContactFacts.NONE, List.of()),
                Instant.parse("2026-07-16T00:30:00Z"), UUID.randomUUID());
        assertThat(evidence.retryAt()).isEqualTo(Instant.parse("2026-07-16T12:00:00Z"));
        assertThat(evidence.allowedHours()).isEqualTo("08:00-20:00 local time (America/New_York)");
        assertThat(evidence.ceilingRules()).containsExactly("us-federal", "us-FL");
    }

    /** Calls placed 1, 2, ... hours before 16:00Z; the contact waits for the oldest to leave the window. */
    @ParameterizedTest(name = "{0} with {1} calls already: {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            +13055550100 | 2  | -                    | -
            +13055550100 | 3  | frequency_cap:us-FL  | 2026-07-16T13:00:00Z
            +12125550100 | 3  | -                    | -
            # the oldest leaves at 02:00 New York time, so the next call waits for 08:00
            +12125550100 | 10 | frequency_cap:tenant | 2026-07-16T12:00:00Z
            """)
    void calls_per_person_per_24_hours(String number, int earlier, String rule, Instant retryAt) {
        var now = Instant.parse("2026-07-15T16:00:00Z");
        var placed = java.util.stream.IntStream.range(0, earlier)
                .mapToObj(i -> now.minusSeconds(3600L * (i + 1))).toList();
        var evidence = RULES.decide(single(number, ContactFacts.NONE, placed), now, UUID.randomUUID());
        assertThat(evidence.rule()).isEqualTo(rule);
        assertThat(evidence.callsLast24h()).isEqualTo(earlier);
        assertThat(evidence.retryAt()).isEqualTo(retryAt);
    }

    @ParameterizedTest(name = "{0} campaign, consent {1}, written required {2}: {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            marketing     | written | true  | -
            marketing     | express | true  | consent
            marketing     | none    | true  | consent
            marketing     | none    | false | -
            informational | none    | true  | -
            """)
    void consent_for_the_campaigns_purpose(String purpose, String consent, boolean required, String rule) {
        var facts = new ContactFacts(null, null, null, new Consent(ConsentType.parse(consent).orElseThrow(), "form",
                null));
        var dial = new DialFacts(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 1,
                "+12125550100", facts, new CallingWindow(8, 21, null), Purpose.parse(purpose).orElseThrow(),
                new DialFacts.SuppressionStatus(false, null, 4, Instant.EPOCH), List.of(),
                new DialFacts.TenantRules(10, required));
        var evidence = RULES.decide(dial, Instant.parse("2026-07-15T16:00:00Z"), UUID.randomUUID());
        assertThat(evidence.rule()).isEqualTo(rule);
        assertThat(evidence.consent()).startsWith(consent);
        assertThat(evidence.suppressionListVersion()).isEqualTo(4);
    }

    @org.junit.jupiter.api.Test
    void a_suppressed_number_is_never_dialed_again() {
        var dial = new DialFacts(UUID.randomUUID(), UUID.randomUUID(), null, null, 1, "+12125550100",
                ContactFacts.NONE, null, null, new DialFacts.SuppressionStatus(true, "said stop", 7, Instant.EPOCH),
                List.of(), TENANT);
        var evidence = RULES.decide(dial, Instant.parse("2026-07-15T16:00:00Z"), UUID.randomUUID());
        assertThat(evidence.rule()).isEqualTo("suppressed");
        assertThat(evidence.retryAt()).isNull();
    }

    @org.junit.jupiter.api.Test
    void the_campaign_window_narrows_the_ceiling_in_the_contacts_time() {
        var window = new CallingWindow(9, 17, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        var dial = new DialFacts(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 2,
                "+12125550100", ContactFacts.NONE, window, Purpose.INFORMATIONAL,
                new DialFacts.SuppressionStatus(false, null, 0, Instant.EPOCH), List.of(), TENANT);
        // Friday 17:30 New York: the law allows it, the campaign does not; next Monday 09:00
        var evidence = RULES.decide(dial, Instant.parse("2026-07-17T21:30:00Z"), UUID.randomUUID());
        assertThat(evidence.rule()).isEqualTo("campaign_window");
        assertThat(evidence.retryAt()).isEqualTo(Instant.parse("2026-07-20T13:00:00Z"));
        assertThat(evidence.campaignWindow()).isEqualTo("09:00-17:00 Mon-Fri");
        assertThat(evidence.attempt()).isEqualTo(2);
    }

    private static DialFacts single(String number, ContactFacts facts, List<Instant> placed) {
        return new DialFacts(UUID.randomUUID(), UUID.randomUUID(), null, null, 1, number, facts, null, null,
                new DialFacts.SuppressionStatus(false, null, 0, Instant.EPOCH), placed, TENANT);
    }

}
