package com.revos.voice.dialer.compliance.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.revos.voice.events.CallOutcome;
import com.revos.voice.events.CallingWindow;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyRulesTest {

    private static final CallingHoursPolicy POLICY = CallingHoursPolicy.standard();

    @ParameterizedTest(name = "campaign window {0}-{1}: {2}")
    @CsvSource(nullValues = "-", textBlock = """
            8, 21, -
            9, 17, -
            0, 24, us-federal
            7, 21, us-federal
            8, 22, us-federal
            22, 6, us-federal
            """)
    void a_campaign_window_must_lie_within_the_widest_legal_hours(int start, int end, String rule) {
        var violated = POLICY.violatedBy(new CallingWindow(start, end, null));
        assertThat(violated.map(HoursRule::id).orElse(null)).isEqualTo(rule);
    }

    @ParameterizedTest(name = "retime {0}-{1} becomes {2}")
    @CsvSource(nullValues = "-", textBlock = """
            0, 24, 8-21
            11, 24, 11-21
            6, 12, 8-12
            18, 2, 18-21
            22, 6, -
            9, 17, 9-17
            """)
    void a_retime_is_clamped_into_the_ceiling(int start, int end, String clamped) {
        var result = POLICY.clamp(new CallingWindow(start, end, null));
        assertThat(result.map(w -> w.startHour() + "-" + w.endHour()).orElse(null)).isEqualTo(clamped);
    }

    @Test
    void an_operator_country_rule_widens_what_campaign_windows_may_span() {
        var policy = new CallingHoursPolicy(CallingHoursPolicy.FEDERAL, POLICY.states(),
                CallingHoursPolicy.OTHER_COUNTRIES, Map.of("GB", new HoursRule("country-GB", "UK", 9, 22, null, 5)));
        assertThat(policy.widest().startHour()).isEqualTo(8);
        assertThat(policy.widest().endHour()).isEqualTo(22);
        var uk = policy.ceiling(new Locator(java.time.ZoneId.of("UTC")).locate("+442071234567", ContactFacts.NONE));
        assertThat(uk.ruleIds()).containsExactly("country-GB");
        assertThat(uk.callsPer24h()).hasValue(5);
    }

    @ParameterizedTest(name = "{0} / {1}: {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -                              | true  | do_not_call
            -                              | yes   | do_not_call
            -                              | false | -
            -                              | -     | -
            user asked: stop calling me    | -     | termination reason
            Client opted out               | -     | termination reason
            Call ended by remote party     | -     | -
            """)
    void an_opt_out_said_during_the_call(String terminationReason, String doNotCall, String found) {
        Map<String, Object> analysis = doNotCall == null ? Map.of()
                : Map.of("data_collection", Map.of("do_not_call", doNotCall.equals("true") ? (Object) true
                        : doNotCall));
        var optOut = OptOutRule.optOut(terminationReason, analysis);
        assertThat(optOut.isPresent()).isEqualTo(found != null);
        if (found != null) {
            assertThat(optOut.get()).contains(found);
        }
    }

    @ParameterizedTest(name = "{0}, reply after {1} s, ended {2}: abandoned {3}")
    @CsvSource(nullValues = "-", textBlock = """
            CONNECTED, 1.2, Call ended by remote party, false
            CONNECTED, 2.5, Call ended by remote party, true
            CONNECTED, -, agent error: llm timeout, true
            CONNECTED, -, Call dropped, true
            NO_ANSWER, 5.0, no answer, false
            VOICEMAIL, -, Call dropped, false
            """)
    void abandoned_calls_counted_the_strict_way(CallOutcome outcome, Double reply, String reason, boolean abandoned) {
        Map<String, Object> analysis = reply == null ? Map.of() : Map.of(AbandonmentRule.REPLY_FIELD, reply);
        assertThat(AbandonmentRule.abandoned(outcome, reason, analysis)).isEqualTo(abandoned);
    }

    @ParameterizedTest(name = "{0} of {1} abandoned: pace x{2}")
    @CsvSource(textBlock = """
            0, 100, 1.0
            1, 100, 1.0
            2, 100, 0.5
            3, 100, 0.1
            5, 10, 1.0
            """)
    void the_campaign_slows_as_abandonment_nears_three_percent(long abandoned, long live, double factor) {
        assertThat(AbandonmentRule.paceFactor(abandoned, live)).isEqualTo(factor);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            Florida           | FL
            Miami, FL         | FL
            New York, NY      | NY
            Oklahoma          | OK
            Guam              | GU
            Atlantis          | -
            """)
    void states_from_geocoded_descriptions(String description, String state) {
        assertThat(UsStates.ofGeocoded(description).orElse(null)).isEqualTo(state);
    }

    @ParameterizedTest(name = "ZIP {0} -> {1}")
    @CsvSource(nullValues = "-", textBlock = """
            33101, FL
            32801-1234, FL
            73301, TX
            74101, OK
            05501, MA
            10001, NY
            09012, -
            ABCDE, -
            """)
    void states_from_zip_codes(String zip, String state) {
        assertThat(UsStates.ofZip(zip).orElse(null)).isEqualTo(state);
    }

    @Test
    void contact_facts_that_cannot_be_read_are_reported_not_ignored() {
        var read = ContactFacts.read(Map.of("state", "Narnia", "time_zone", "Mars/Base", "consent_type", "maybe",
                "consent_obtained_at", "yesterday"));
        assertThat(read.problems()).extracting(ContactFacts.Problem::field)
                .containsExactlyInAnyOrder("state", "time_zone", "consent_type", "consent_obtained_at");
        var good = ContactFacts.read(Map.of("state", "fl", "zip", "33101", "time_zone", "America/New_York",
                "consent_type", "Written", "consent_source", "web form", "consent_obtained_at", "2026-03-01"));
        assertThat(good.problems()).isEmpty();
        assertThat(good.facts().state()).isEqualTo("FL");
        assertThat(good.facts().consent().reference()).isEqualTo("written via web form at 2026-03-01T00:00:00Z");
    }

    @Test
    void a_rule_cannot_be_configured_backwards() {
        assertThatThrownBy(() -> new HoursRule("us-XX", "x", 21, 8, Set.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HoursRule("us-XX", "x", 8, 21, Set.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
