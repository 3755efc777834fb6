package com.revos.voice.webhook.intake.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.events.CallOutcome;
import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.EventSchemas;
import com.revos.voice.events.ProviderReport.CallReported;
import com.revos.voice.events.Topics;
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

    /** The report the callback makes, checked against its published schema. */
    private CallReported reported(Map<String, String> form) {
        return reported(form, query);
    }

    private CallReported reported(Map<String, String> form, Map<String, String> callbackQuery) {
        var result = normalizer.normalize(form, callbackQuery, RECEIVED);
        assertThat(result).isInstanceOf(Normalized.Reported.class);
        var report = ((Normalized.Reported) result).report();
        var envelope = EventEnvelope.wrap(report, "/revos/voice-webhook-ingest");
        assertThat(envelope.topic()).isEqualTo(Topics.PROVIDER_REPORTS);
        assertThat(EventSchemas.violations(envelope)).isEmpty();
        return report;
    }

    @Test
    void a_completed_call_answered_by_a_person_is_a_final_connected_report_of_twilio_keyed_by_its_call_sid() {
        var report = reported(TwilioCallbacks.status("CA1", "completed", "human"));
        assertThat(report.provider()).isEqualTo("twilio");
        assertThat(report.kind()).isEqualTo("status_callback");
        assertThat(report.providerCallId()).isEqualTo("CA1");
        assertThat(report.callSid()).isEqualTo("CA1");
        assertThat(report.outcome()).isEqualTo(CallOutcome.CONNECTED);
        assertThat(report.finalReport()).isTrue();
        assertThat(report.timing().durationSecs()).isEqualTo(42);
        assertThat(report.toNumber()).isEqualTo("+12125550123");
        assertThat(report.result().qualified()).as("Twilio cannot tell whether the contact qualified").isNull();
        assertThat(report.charge().costUsd()).isNull();
        assertThat(report.charge().costCredits()).isNull();
        assertThat(report.reportedAt()).isEqualTo(RECEIVED);
        assertThat(report.tenantId()).isNull();
        assertThat(report.partitionKey()).isEqualTo("CA1");
    }

    @Test
    void the_ids_in_the_callback_url_are_carried_as_an_unverified_hint_as_text() {
        var report = reported(TwilioCallbacks.status("CA1", "completed", "human"));
        assertThat(report.correlation()).isEqualTo(Map.of("call_id", ids.callId().toString(),
                "campaign_id", ids.campaignId().toString(), "tenant_id", ids.tenantId().toString(),
                "contact_id", ids.contactId().toString(), "attempt", "1"));
        var envelope = EventEnvelope.wrap(report, "/revos/voice-webhook-ingest");
        assertThat(envelope.tenantId()).as("the echoed tenant names no tenant of the report").isNull();
        assertThat(envelope.campaignId()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"machine_start", "machine_end_beep", "machine_end_silence", "machine_end_other"})
    void a_completed_call_picked_up_by_a_machine_is_voicemail(String answeredBy) {
        var report = reported(TwilioCallbacks.status("CA2", "completed", answeredBy));
        assertThat(report.outcome()).isEqualTo(CallOutcome.VOICEMAIL);
        assertThat(report.timing().durationSecs()).isEqualTo(42);
        assertThat(report.result().qualified()).isFalse();
        assertThat(report.result().analysis()).containsEntry("answered_by", answeredBy);
    }

    @ParameterizedTest
    @CsvSource({"busy, BUSY", "no-answer, NO_ANSWER", "failed, FAILED", "canceled, CANCELLED"})
    void final_statuses_that_never_connected_map_to_their_outcome(String status, CallOutcome outcome) {
        var report = reported(TwilioCallbacks.status("CA3", status, null));
        assertThat(report.outcome()).isEqualTo(outcome);
        assertThat(report.finalReport()).isTrue();
        assertThat(report.timing().durationSecs()).isZero();
        assertThat(report.result().qualified()).isFalse();
        assertThat(report.result().terminationReason()).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"queued", "initiated", "ringing", "in-progress"})
    void progress_callbacks_are_acknowledged_but_make_no_report(String status) {
        assertThat(normalizer.normalize(TwilioCallbacks.status("CA4", status, null), query, RECEIVED))
                .isInstanceOf(Normalized.Ignored.class);
    }

    @Test
    void a_completed_callback_without_a_duration_has_none() {
        var form = TwilioCallbacks.status("CA10", "completed", null);
        form.remove("CallDuration");
        assertThat(reported(form).timing().durationSecs()).isNull();
    }

    @Test
    void a_callback_without_our_ids_in_its_url_is_still_a_report_with_no_correlation() {
        var report = reported(TwilioCallbacks.status("CA5", "busy", null), Map.of());
        assertThat(report.correlation()).isEmpty();
        assertThat(report.outcome()).isEqualTo(CallOutcome.BUSY);
        assertThat(report.partitionKey()).isEqualTo("CA5");
    }

    @Test
    void a_malformed_id_in_the_callback_url_is_carried_unparsed_and_the_report_is_still_made() {
        var report = reported(TwilioCallbacks.status("CA9", "busy", null),
                Map.of("call_id", "x", "tenant_id", "acme", "local_hour", "25"));
        assertThat(report.correlation()).isEqualTo(Map.of("call_id", "x", "tenant_id", "acme"));
        assertThat(report.outcome()).isEqualTo(CallOutcome.BUSY);
    }

    @Test
    void an_id_in_the_callback_url_longer_than_an_id_is_dropped() {
        var report = reported(TwilioCallbacks.status("CA11", "busy", null),
                Map.of("call_id", ids.callId().toString(), "tenant_id", "t".repeat(65)));
        assertThat(report.correlation()).isEqualTo(Map.of("call_id", ids.callId().toString()));
    }

    @Test
    void a_repeated_callback_for_the_same_call_gets_the_same_event_id() {
        var first = (Normalized.Reported) normalizer.normalize(TwilioCallbacks.status("CA6", "busy", null), query,
                RECEIVED);
        var again = (Normalized.Reported) normalizer.normalize(TwilioCallbacks.status("CA6", "busy", null), query,
                RECEIVED.plusSeconds(60));
        assertThat(again.eventId()).isEqualTo(first.eventId())
                .isEqualTo(EventIds.callReported("twilio", "status_callback", "CA6"));
    }

    @Test
    void callbacks_that_cannot_be_normalized_say_why() {
        var noSid = TwilioCallbacks.status("CA7", "completed", null);
        noSid.remove("CallSid");
        assertThat(normalizer.normalize(noSid, query, RECEIVED))
                .isEqualTo(new Normalized.Unreadable("status_callback", null, "CallSid is missing"));
        assertThat(normalizer.normalize(TwilioCallbacks.status("CA8", "exploded", null), query, RECEIVED))
                .isEqualTo(new Normalized.Unreadable("status_callback", "CA8", "unknown CallStatus"));
    }

    @Test
    void form_bodies_are_decoded_leniently() {
        assertThat(FormBody.parse("To=%2B1212&A=1&A=2&flag&bad=%zz")).containsEntry("To", "+1212")
                .containsEntry("A", "1").containsEntry("flag", "").containsEntry("bad", "%zz");
        assertThat(FormBody.parse(null)).isEmpty();
    }
}
