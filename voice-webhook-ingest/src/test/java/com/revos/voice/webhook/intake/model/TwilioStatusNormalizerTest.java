package com.revos.voice.webhook.intake.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.events.CallEvent.CallCompleted;
import com.revos.voice.events.CallOutcome;
import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.EventSchemas;
import com.revos.voice.webhook.intake.fixtures.PostCallPayloads.Ids;
import com.revos.voice.webhook.intake.fixtures.TwilioCallbacks;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TwilioStatusNormalizerTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-23T21:40:00Z");
    private final TwilioStatusNormalizer normalizer = new TwilioStatusNormalizer();
    private final Ids ids = Ids.random();
    private final Map<String, String> query = FormBody.parse(TwilioCallbacks.query(ids));

    private CallCompleted completed(Map<String, String> form) {
        var result = normalizer.normalize(form, query, RECEIVED);
        assertThat(result).isInstanceOf(Normalized.Completed.class);
        var event = ((Normalized.Completed) result).event();
        assertThat(EventSchemas.violations(EventEnvelope.wrap(event, "/revos/voice-webhook-ingest"))).isEmpty();
        return event;
    }

    @Test
    void a_completed_call_answered_by_a_person_is_connected_and_tied_to_our_call_by_the_callback_url() {
        var event = completed(TwilioCallbacks.status("CA1", "completed", "human"));
        assertThat(event.outcome()).isEqualTo(CallOutcome.CONNECTED);
        assertThat(event.durationSecs()).isEqualTo(42);
        assertThat(event.callId()).isEqualTo(ids.callId());
        assertThat(event.tenantId()).isEqualTo(ids.tenantId());
        assertThat(event.campaignId()).isEqualTo(ids.campaignId());
        assertThat(event.contactId()).isEqualTo(ids.contactId());
        assertThat(event.matched()).isTrue();
        assertThat(event.provider()).isEqualTo("twilio");
        assertThat(event.providerCallId()).isEqualTo("CA1");
        assertThat(event.toNumber()).isEqualTo("+12125550123");
        assertThat(event.qualified()).as("Twilio cannot tell whether the contact qualified").isNull();
        assertThat(event.sources()).containsExactly("twilio.status_callback");
    }

    @ParameterizedTest
    @ValueSource(strings = {"machine_start", "machine_end_beep", "machine_end_silence", "machine_end_other"})
    void a_completed_call_picked_up_by_a_machine_is_voicemail(String answeredBy) {
        var event = completed(TwilioCallbacks.status("CA2", "completed", answeredBy));
        assertThat(event.outcome()).isEqualTo(CallOutcome.VOICEMAIL);
        assertThat(event.qualified()).isFalse();
        assertThat(event.analysis()).containsEntry("answered_by", answeredBy);
    }

    @ParameterizedTest
    @CsvSource({"busy, BUSY", "no-answer, NO_ANSWER", "failed, FAILED", "canceled, CANCELLED"})
    void final_statuses_that_never_connected_map_to_their_outcome(String status, CallOutcome outcome) {
        var event = completed(TwilioCallbacks.status("CA3", status, null));
        assertThat(event.outcome()).isEqualTo(outcome);
        assertThat(event.durationSecs()).isZero();
        assertThat(event.qualified()).isFalse();
        assertThat(event.terminationReason()).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"queued", "initiated", "ringing", "in-progress"})
    void progress_callbacks_are_acknowledged_but_make_no_outcome(String status) {
        assertThat(normalizer.normalize(TwilioCallbacks.status("CA4", status, null), query, RECEIVED))
                .isInstanceOf(Normalized.Ignored.class);
    }

    @Test
    void a_completed_callback_without_a_duration_has_none() {
        var form = TwilioCallbacks.status("CA10", "completed", null);
        form.remove("CallDuration");
        assertThat(completed(form).durationSecs()).isNull();
    }

    @Test
    void a_callback_without_our_ids_in_its_url_is_unmatched() {
        var result = normalizer.normalize(TwilioCallbacks.status("CA5", "busy", null), Map.of(), RECEIVED);
        assertThat(((Normalized.Completed) result).event().matched()).isFalse();
        assertThat(((Normalized.Completed) result).event().partitionKey()).isEqualTo("CA5");
    }

    @Test
    void a_repeated_callback_for_the_same_call_gets_the_same_event_id() {
        var first = (Normalized.Completed) normalizer.normalize(TwilioCallbacks.status("CA6", "busy", null), query,
                RECEIVED);
        var again = (Normalized.Completed) normalizer.normalize(TwilioCallbacks.status("CA6", "busy", null), query,
                RECEIVED.plusSeconds(60));
        assertThat(again.eventId()).isEqualTo(first.eventId());
    }

    @Test
    void callbacks_that_cannot_be_normalized_say_why() {
        var noSid = TwilioCallbacks.status("CA7", "completed", null);
        noSid.remove("CallSid");
        assertThat(normalizer.normalize(noSid, query, RECEIVED))
                .isEqualTo(new Normalized.Unreadable("status_callback", null, "CallSid is missing"));
        assertThat(normalizer.normalize(TwilioCallbacks.status("CA8", "exploded", null), query, RECEIVED))
                .isEqualTo(new Normalized.Unreadable("status_callback", "CA8", "unknown CallStatus"));
        assertThat(normalizer.normalize(TwilioCallbacks.status("CA9", "busy", null), Map.of("call_id", "x"),
                RECEIVED)).isEqualTo(new Normalized.Unreadable("status_callback", "CA9", "call_id is not a UUID"));
    }

    @Test
    void form_bodies_are_decoded_leniently() {
        assertThat(FormBody.parse("To=%2B1212&A=1&A=2&flag&bad=%zz")).containsEntry("To", "+1212")
                .containsEntry("A", "1").containsEntry("flag", "").containsEntry("bad", "%zz");
        assertThat(FormBody.parse(null)).isEmpty();
    }
}
