package com.revos.voice.dialer.call.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.events.CallOutcome;
import com.revos.voice.events.CallResult;
import com.revos.voice.events.CallTiming;
import com.revos.voice.events.ProviderReport.CallReported;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportRulesTest {

    private static final UUID CALL = UUID.fromString("c4a1e8d2-7b3f-4e6a-9c5d-1f2e3a4b5c03");

    private static AttemptFacts ours(String providerCallId) {
        return new AttemptFacts(CALL, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 1, "+12125550199",
                CallState.AMBIGUOUS, providerCallId, null, "agent_ours", 14, Instant.now());
    }

    private static CallReported report(String provider, String conversationId, String toNumber, String agent,
                                       CallOutcome outcome, Map<String, String> echoed) {
        return new CallReported(provider, "post_call_transcription", conversationId, null, agent, toNumber,
                new CallTiming(null, 12), outcome, true, new CallResult(null, null, null, Map.of(), null),
                CallReported.Charge.NONE, echoed, Instant.now());
    }

    @Test
    void an_echoed_call_id_is_a_hint_only_when_it_is_a_uuid() {
        assertThat(ReportRules.echoedCallId(report("elevenlabs", "conv_1", null, null, CallOutcome.CONNECTED,
                Map.of("call_id", CALL.toString())))).contains(CALL);
        assertThat(ReportRules.echoedCallId(report("elevenlabs", "conv_1", null, null, CallOutcome.CONNECTED,
                Map.of("call_id", "call-42")))).isEmpty();
        assertThat(ReportRules.echoedCallId(report("elevenlabs", "conv_1", null, null, CallOutcome.CONNECTED,
                Map.of()))).isEmpty();
    }

    @Test
    void the_attempt_an_echo_names_must_agree_with_the_report_on_number_agent_and_provider_id() {
        var echo = Map.of("call_id", CALL.toString());
        assertThat(ReportRules.whyNotByEcho(ours(null), report("elevenlabs", "conv_1", "+12125550199",
                "agent_ours", CallOutcome.CONNECTED, echo))).isEmpty();
        assertThat(ReportRules.whyNotByEcho(ours(null), report("elevenlabs", "conv_1", null, null,
                CallOutcome.CONNECTED, echo))).isEmpty();
        assertThat(ReportRules.whyNotByEcho(ours(null), report("elevenlabs", "conv_1", "+12125550100",
                "agent_ours", CallOutcome.CONNECTED, echo))).contains("the echoed call dialed another number");
        assertThat(ReportRules.whyNotByEcho(ours(null), report("elevenlabs", "conv_1", "+12125550199",
                "agent_theirs", CallOutcome.CONNECTED, echo))).contains("the echoed call used another agent");
        assertThat(ReportRules.whyNotByEcho(ours("conv_known"), report("elevenlabs", "conv_other", "+12125550199",
                "agent_ours", CallOutcome.CONNECTED, echo)))
                .contains("the echoed call is known to the provider under another id");
    }

    @ParameterizedTest(name = "{0} {1} settles: {2}")
    @CsvSource({
        "elevenlabs, CONNECTED, true",
        "elevenlabs, BUSY, true",
        "elevenlabs, FAILED, true",
        "twilio, BUSY, true",
        "twilio, NO_ANSWER, true",
        "twilio, CANCELLED, true",
        // a connected call's qualification and analysis come with ElevenLabs' transcription: it is awaited
        "twilio, CONNECTED, false",
        "twilio, VOICEMAIL, false"})
    void which_reports_settle_an_attempt(String provider, CallOutcome outcome, boolean settles) {
        assertThat(ReportRules.settles(report(provider, "x", null, null, outcome, Map.of()))).isEqualTo(settles);
    }

    @Test
    void a_progress_report_settles_nothing() {
        assertThat(ReportRules.settles(report("elevenlabs", "x", null, null, null, Map.of()))).isFalse();
    }

    @ParameterizedTest(name = "{0} for {1} s bills {2} s")
    @CsvSource({"CONNECTED, 94, 94", "VOICEMAIL, 20, 20", "BUSY, 0, 0", "NO_ANSWER, 31, 0", "FAILED, 5, 0"})
    void only_talk_time_of_a_picked_up_call_is_billed(CallOutcome outcome, int seconds, int billed) {
        var report = new CallReported("elevenlabs", "post_call_transcription", "x", null, null, null,
                new CallTiming(null, seconds), outcome, true, new CallResult(null, null, null, Map.of(), null),
                CallReported.Charge.NONE, Map.of(), Instant.now());
        assertThat(ReportRules.billableSeconds(report)).isEqualTo(billed);
    }
}
