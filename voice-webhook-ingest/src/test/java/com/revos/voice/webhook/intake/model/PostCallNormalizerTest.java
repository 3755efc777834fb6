package com.revos.voice.webhook.intake.model;

import static com.revos.voice.webhook.intake.fixtures.PostCallPayloads.analysis;
import static com.revos.voice.webhook.intake.fixtures.PostCallPayloads.bytes;
import static com.revos.voice.webhook.intake.fixtures.PostCallPayloads.data;
import static com.revos.voice.webhook.intake.fixtures.PostCallPayloads.metadata;
import static com.revos.voice.webhook.intake.fixtures.PostCallPayloads.variables;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.revos.voice.events.CallEvent.CallCompleted;
import com.revos.voice.events.CallOutcome;
import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.EventSchemas;
import com.revos.voice.webhook.intake.fixtures.PostCallPayloads;
import com.revos.voice.webhook.intake.fixtures.PostCallPayloads.Ids;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostCallNormalizerTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-23T21:40:00Z");
    private final PostCallNormalizer normalizer = new PostCallNormalizer();
    private final Ids ids = Ids.random();

    private Normalized normalize(ObjectNode payload) {
        return normalizer.normalize(bytes(payload), RECEIVED);
    }

    private CallCompleted completed(ObjectNode payload) {
        var result = normalize(payload);
        assertThat(result).isInstanceOf(Normalized.Completed.class);
        var event = ((Normalized.Completed) result).event();
        var envelope = EventEnvelope.wrap(event, "/revos/voice-webhook-ingest");
        assertThat(EventSchemas.violations(envelope)).isEmpty();
        return event;
    }

    private ObjectNode transcription() {
        return PostCallPayloads.transcription("conv_1", ids);
    }

    @Test
    void a_qualified_conversation_becomes_a_connected_qualified_outcome_tied_to_our_call() {
        var payload = transcription();
        var started = metadata(payload).get("start_time_unix_secs").asLong();

        var event = completed(payload);

        assertThat(event.callId()).isEqualTo(ids.callId());
        assertThat(event.campaignId()).isEqualTo(ids.campaignId());
        assertThat(event.tenantId()).isEqualTo(ids.tenantId());
        assertThat(event.contactId()).isEqualTo(ids.contactId());
        assertThat(event.attempt()).isEqualTo(1);
        assertThat(event.matched()).isTrue();
        assertThat(event.provider()).isEqualTo("elevenlabs");
        assertThat(event.providerCallId()).isEqualTo("conv_1");
        assertThat(event.toNumber()).isEqualTo("+12125550123");
        assertThat(event.startedAt()).isEqualTo(Instant.ofEpochSecond(started));
        assertThat(event.durationSecs()).isEqualTo(95);
        assertThat(event.outcome()).isEqualTo(CallOutcome.CONNECTED);
        assertThat(event.qualified()).isTrue();
        assertThat(event.qualificationScore()).isEqualTo(0.82);
        assertThat(event.cost()).isEqualByComparingTo(new BigDecimal("0.1425"));
        assertThat(event.terminationReason()).isEqualTo("Call ended by remote party");
        assertThat(event.localHour()).isNull();
        assertThat(event.sources()).containsExactly("elevenlabs.post_call_transcription");
        assertThat(event.analysis()).containsEntry("call_successful", "success")
                .containsEntry("data_collection", Map.of("qualified", true, "qualification_score", 0.82))
                .containsEntry("evaluation", Map.of("interest", "success"))
                .containsKey("cost_credits")
                .doesNotContainKey("transcript");
    }

    @Test
    void the_event_is_keyed_by_campaign_so_a_campaigns_outcomes_stay_in_order() {
        assertThat(completed(transcription()).partitionKey()).isEqualTo(ids.campaignId().toString());
    }

    @Test
    void a_single_call_without_campaign_is_keyed_by_its_call_id() {
        var payload = transcription();
        variables(payload).remove("campaign_id");
        var event = completed(payload);
        assertThat(event.campaignId()).isNull();
        assertThat(event.partitionKey()).isEqualTo(ids.callId().toString());
    }

    @Test
    void a_webhook_without_our_ids_is_still_an_outcome_but_unmatched() {
        var event = completed(PostCallPayloads.transcription("conv_foreign", null));
        assertThat(event.matched()).isFalse();
        assertThat(event.callId()).isNull();
        assertThat(event.tenantId()).isNull();
        assertThat(event.partitionKey()).isEqualTo("conv_foreign");
    }

    @Test
    void a_conversation_without_any_client_data_is_unmatched() {
        var payload = transcription();
        data(payload).remove("conversation_initiation_client_data");
        assertThat(completed(payload).matched()).isFalse();
    }

    @Test
    void the_contacts_local_hour_and_the_attempt_come_from_dynamic_variables_when_given() {
        var payload = transcription();
        variables(payload).put("local_hour", "14");
        variables(payload).put("attempt", 3);
        var event = completed(payload);
        assertThat(event.localHour()).isEqualTo(14);
        assertThat(event.attempt()).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource({
        "voicemail_detection tool was called., VOICEMAIL",
        "Voicemail detected, VOICEMAIL",
        "Answering machine detected, VOICEMAIL",
        "Twilio call status: busy, BUSY",
        "Call failed: busy, BUSY",
        "Call failed: no-answer, NO_ANSWER",
        "Call not answered, NO_ANSWER",
        "no-answer, NO_ANSWER",
        "Call was canceled, CANCELLED",
        "end_call tool was called., CONNECTED",
        "Call ended by remote party, CONNECTED",
        "Max duration exceeded, CONNECTED"})
    void termination_reasons_map_to_outcomes(String reason, CallOutcome outcome) {
        var payload = transcription();
        metadata(payload).put("termination_reason", reason);
        var event = completed(payload);
        assertThat(event.outcome()).isEqualTo(outcome);
        if (outcome != CallOutcome.CONNECTED) {
            assertThat(event.qualified()).as("no one qualifies on a call that did not connect").isFalse();
        }
    }

    @Test
    void a_failed_conversation_or_one_with_a_provider_error_is_a_failure() {
        var failed = transcription();
        data(failed).put("status", "failed");
        metadata(failed).put("termination_reason", "Error");
        assertThat(completed(failed).outcome()).isEqualTo(CallOutcome.FAILED);

        var withError = transcription();
        metadata(withError).putObject("error").put("code", 1011).put("reason", "LLM unavailable");
        metadata(withError).put("termination_reason", "Error occurred");
        assertThat(completed(withError).outcome()).isEqualTo(CallOutcome.FAILED);
    }

    @Test
    void a_zero_second_call_in_which_the_contact_never_spoke_was_not_answered() {
        var payload = transcription();
        metadata(payload).put("call_duration_secs", 0);
        metadata(payload).put("termination_reason", "");
        data(payload).putArray("transcript").addObject().put("role", "agent").put("message", "Hello?");
        assertThat(completed(payload).outcome()).isEqualTo(CallOutcome.NO_ANSWER);
    }

    @Test
    void without_the_agents_qualified_data_point_call_successful_decides() {
        var success = transcription();
        analysis(success).withObjectProperty("data_collection_results").remove("qualified");
        assertThat(completed(success).qualified()).isTrue();

        var failure = transcription();
        analysis(failure).withObjectProperty("data_collection_results").remove("qualified");
        analysis(failure).put("call_successful", "failure");
        assertThat(completed(failure).qualified()).isFalse();

        var unknown = transcription();
        analysis(unknown).withObjectProperty("data_collection_results").remove("qualified");
        analysis(unknown).put("call_successful", "unknown");
        assertThat(completed(unknown).qualified()).isNull();
    }

    @Test
    void the_agents_qualified_data_point_wins_over_call_successful_and_may_be_a_word() {
        var payload = transcription();
        analysis(payload).put("call_successful", "success");
        analysis(payload).withObjectProperty("data_collection_results").withObjectProperty("qualified").put("value", "no");
        assertThat(completed(payload).qualified()).isFalse();
    }

    @Test
    void a_qualification_score_given_as_text_is_read_and_a_nonsense_one_is_dropped() {
        var text = transcription();
        analysis(text).withObjectProperty("data_collection_results").withObjectProperty("qualification_score").put("value", "0.5");
        assertThat(completed(text).qualificationScore()).isEqualTo(0.5);

        var nonsense = transcription();
        analysis(nonsense).withObjectProperty("data_collection_results").withObjectProperty("qualification_score")
                .put("value", "high");
        assertThat(completed(nonsense).qualificationScore()).isNull();
    }

    @Test
    void fields_of_unexpected_types_count_as_absent() {
        var payload = transcription();
        metadata(payload).put("call_duration_secs", "long");
        metadata(payload).put("cost_fiat", "a lot");
        metadata(payload).put("start_time_unix_secs", "yesterday");
        metadata(payload).put("phone_call", "twilio");
        data(payload).put("analysis", "pending");
        var event = completed(payload);
        assertThat(event.durationSecs()).isNull();
        assertThat(event.cost()).isNull();
        assertThat(event.startedAt()).isNull();
        assertThat(event.toNumber()).isNull();
        assertThat(event.analysis()).containsOnlyKeys("cost_credits");
    }

    @ParameterizedTest
    @CsvSource({"busy, BUSY", "no-answer, NO_ANSWER", "unknown, FAILED", "canceled, CANCELLED"})
    void a_call_that_never_connected_gets_its_outcome_from_the_failure_reason(String reason, CallOutcome outcome) {
        var event = completed(PostCallPayloads.initiationFailure("conv_2", ids, reason));
        assertThat(event.outcome()).isEqualTo(outcome);
        assertThat(event.qualified()).isFalse();
        assertThat(event.durationSecs()).isZero();
        assertThat(event.callId()).isEqualTo(ids.callId());
        assertThat(event.toNumber()).isEqualTo("+12125550123");
        assertThat(event.terminationReason()).isEqualTo(reason);
        assertThat(event.sources()).containsExactly("elevenlabs.call_initiation_failure");
    }

    @Test
    void a_failure_whose_reason_is_vague_falls_back_to_the_twilio_status_in_its_body() {
        var payload = PostCallPayloads.initiationFailure("conv_3", ids, "unknown");
        data(payload).withObjectProperty("metadata").put("body", "CallSid=CA1&CallStatus=busy&To=%2B12125550199");
        var event = completed(payload);
        assertThat(event.outcome()).isEqualTo(CallOutcome.BUSY);
        assertThat(event.toNumber()).isEqualTo("+12125550199");
    }

    @Test
    void a_recording_is_decoded_and_gets_an_id_of_its_own_derived_from_the_conversation() {
        var result = normalize(PostCallPayloads.audio("conv_4", 2_000));
        assertThat(result).isInstanceOfSatisfying(Normalized.AudioReceived.class, audio -> {
            assertThat(audio.conversationId()).isEqualTo("conv_4");
            assertThat(audio.eventId()).isEqualTo(EventIds.recordingReceived("elevenlabs", "conv_4"))
                    .isNotEqualTo(EventIds.callCompleted("elevenlabs", "conv_4"));
            assertThat(audio.mp3()).hasSize(2_000).startsWith((byte) 'I', (byte) 'D', (byte) '3');
        });
    }

    @Test
    void a_redelivered_webhook_gets_the_same_event_id_and_so_does_another_report_of_the_same_conversation() {
        var first = (Normalized.Completed) normalize(transcription());
        var again = (Normalized.Completed) normalizer.normalize(bytes(transcription()), RECEIVED.plusSeconds(30));
        var failure = (Normalized.Completed) normalize(PostCallPayloads.initiationFailure("conv_1", ids, "busy"));
        assertThat(again.eventId()).isEqualTo(first.eventId());
        var otherConversation = (Normalized.Completed) normalize(PostCallPayloads.transcription("conv_9", ids));
        assertThat(failure.eventId()).as("one outcome per call for consumers").isEqualTo(first.eventId());
        assertThat(otherConversation.eventId()).isNotEqualTo(first.eventId());
    }

    @Test
    void unreadable_payloads_say_why() {
        assertThat(reason("not json at all".getBytes(StandardCharsets.UTF_8))).isEqualTo("not JSON");
        assertThat(reason("[1,2]".getBytes(StandardCharsets.UTF_8))).isEqualTo("not a JSON object");
        assertThat(reason("{\"type\":\"post_call_summary\",\"data\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("unknown webhook type");
        assertThat(reason("{\"type\":\"post_call_transcription\",\"data\":7}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("data is not an object");

        var noConversation = transcription();
        data(noConversation).remove("conversation_id");
        assertThat(reason(bytes(noConversation))).isEqualTo("data.conversation_id is missing");

        var badCallId = transcription();
        variables(badCallId).put("call_id", "call-42");
        assertThat(reason(bytes(badCallId))).isEqualTo("call_id is not a UUID");

        var halfIds = transcription();
        variables(halfIds).remove("tenant_id");
        assertThat(reason(bytes(halfIds))).isEqualTo("correlation ids incomplete: tenant_id missing");

        var badHour = transcription();
        variables(badHour).put("local_hour", "25");
        assertThat(reason(bytes(badHour))).isEqualTo("local_hour is out of range");

        var noAudio = PostCallPayloads.audio("conv_5", 10);
        data(noAudio).put("full_audio", "%%%not base64%%%");
        assertThat(reason(bytes(noAudio))).isEqualTo("data.full_audio is not base64");
    }

    @Test
    void an_unreadable_payload_keeps_the_conversation_id_when_it_could_be_read() {
        var payload = transcription();
        variables(payload).put("tenant_id", "acme");
        assertThat(normalize(payload)).isEqualTo(new Normalized.Unreadable("post_call_transcription", "conv_1",
                "tenant_id is not a UUID"));
    }

    private String reason(byte[] body) {
        var result = normalizer.normalize(body, RECEIVED);
        assertThat(result).isInstanceOf(Normalized.Unreadable.class);
        return ((Normalized.Unreadable) result).reason();
    }
}
