package com.revos.voice.webhook.intake.infrastructure;

import static com.revos.voice.webhook.intake.fixtures.PostCallPayloads.analysis;
import static com.revos.voice.webhook.intake.fixtures.PostCallPayloads.bytes;
import static com.revos.voice.webhook.intake.fixtures.PostCallPayloads.data;
import static com.revos.voice.webhook.intake.fixtures.PostCallPayloads.metadata;
import static com.revos.voice.webhook.intake.fixtures.PostCallPayloads.variables;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.revos.voice.events.CallOutcome;
import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.EventSchemas;
import com.revos.voice.events.ProviderReport.CallReported;
import com.revos.voice.events.Topics;
import com.revos.voice.webhook.intake.fixtures.PostCallPayloads;
import com.revos.voice.webhook.intake.fixtures.PostCallPayloads.Ids;
import com.revos.voice.webhook.intake.model.EventIds;
import com.revos.voice.webhook.intake.model.Normalized;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JacksonPostCallReaderTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-23T21:40:00Z");
    private final JacksonPostCallReader normalizer = new JacksonPostCallReader();
    private final Ids ids = Ids.random();

    private Normalized normalize(ObjectNode payload) {
        return normalizer.normalize(bytes(payload), RECEIVED);
    }

    /** The report the payload makes, checked against its published schema. */
    private CallReported reported(ObjectNode payload) {
        var result = normalize(payload);
        assertThat(result).isInstanceOf(Normalized.Reported.class);
        var report = ((Normalized.Reported) result).report();
        var envelope = EventEnvelope.wrap(report, "/revos/voice-webhook-ingest");
        assertThat(envelope.topic()).isEqualTo(Topics.PROVIDER_REPORTS);
        assertThat(EventSchemas.violations(envelope)).isEmpty();
        return report;
    }

    private ObjectNode transcription() {
        return PostCallPayloads.transcription("conv_1", ids);
    }

    /** The ids of the fixture as the dialer set them and the provider echoed them: text, not parsed. */
    private Map<String, String> echoedIds() {
        return Map.of("call_id", ids.callId().toString(), "campaign_id", ids.campaignId().toString(),
                "tenant_id", ids.tenantId().toString(), "contact_id", ids.contactId().toString(), "attempt", "1");
    }

    @Test
    void a_qualified_conversation_becomes_a_final_connected_qualified_report_of_elevenlabs() {
        var payload = transcription();
        var started = metadata(payload).get("start_time_unix_secs").asLong();
        var sentAt = Instant.ofEpochSecond(payload.get("event_timestamp").asLong());

        var report = reported(payload);

        assertThat(report.provider()).isEqualTo("elevenlabs");
        assertThat(report.kind()).isEqualTo("post_call_transcription");
        assertThat(report.providerCallId()).isEqualTo("conv_1");
        assertThat(report.providerAgentId()).isEqualTo("agent_01jz8x3m5k");
        assertThat(report.toNumber()).isEqualTo("+12125550123");
        assertThat(report.timing().startedAt()).isEqualTo(Instant.ofEpochSecond(started));
        assertThat(report.timing().durationSecs()).isEqualTo(95);
        assertThat(report.outcome()).isEqualTo(CallOutcome.CONNECTED);
        assertThat(report.finalReport()).isTrue();
        assertThat(report.result().qualified()).isTrue();
        assertThat(report.result().qualificationScore()).isEqualTo(0.82);
        assertThat(report.result().terminationReason()).isEqualTo("Call ended by remote party");
        assertThat(report.reportedAt()).as("when the provider sent it").isEqualTo(sentAt);
        assertThat(report.correlation()).isEqualTo(echoedIds());
        assertThat(report.result().analysis()).containsEntry("call_successful", "success")
                .containsEntry("data_collection", Map.of("qualified", true, "qualification_score", 0.82))
                .containsEntry("evaluation", Map.of("interest", "success"))
                .doesNotContainKeys("transcript", "cost_credits");
    }

    @Test
    void a_transcription_reports_its_usd_cost_and_its_credits_apart_its_summary_and_the_twilio_call_sid() {
        var payload = transcription();
        var callSid = metadata(payload).get("phone_call").get("call_sid").asText();

        var report = reported(payload);

        assertThat(report.charge().costUsd()).as("metadata.cost_fiat").isEqualByComparingTo(new BigDecimal("0.1425"));
        assertThat(report.charge().costCredits()).as("metadata.cost, credits are not dollars")
                .isEqualByComparingTo(new BigDecimal("712"));
        assertThat(report.result().summary()).isEqualTo("The homeowner is interested in a solar quote.");
        assertThat(report.callSid()).startsWith("CA").isEqualTo(callSid);
        assertThat(report.result().analysis()).as("the credits are not hidden in the analysis any more")
                .doesNotContainKey("cost_credits");
    }

    @Test
    void a_report_belongs_to_no_tenant_and_is_keyed_by_the_conversation_not_by_an_echoed_campaign() {
        var report = reported(transcription());
        assertThat(report.tenantId()).isNull();
        assertThat(report.partitionKey()).isEqualTo("conv_1");
        assertThat(report.subject()).isEqualTo("conv_1");
        var envelope = EventEnvelope.wrap(report, "/revos/voice-webhook-ingest");
        assertThat(envelope.tenantId()).isNull();
        assertThat(envelope.campaignId()).isNull();
    }

    @Test
    void a_campaign_id_a_tenant_chose_is_only_a_hint_that_names_no_campaign_of_the_report() {
        var anotherTenantsCampaign = UUID.randomUUID().toString();
        var payload = transcription();
        variables(payload).put("campaign_id", anotherTenantsCampaign);

        var report = reported(payload);

        assertThat(report.correlation()).containsEntry("campaign_id", anotherTenantsCampaign);
        assertThat(report.partitionKey()).isEqualTo("conv_1");
        var envelope = EventEnvelope.wrap(report, "/revos/voice-webhook-ingest");
        assertThat(envelope.campaignId()).as("no campaign extension taken from an echo").isNull();
        assertThat(envelope.tenantId()).isNull();
    }

    @Test
    void a_single_call_without_campaign_echoes_no_campaign_id() {
        var payload = transcription();
        variables(payload).remove("campaign_id");
        var report = reported(payload);
        assertThat(report.correlation()).doesNotContainKey("campaign_id").containsEntry("call_id",
                ids.callId().toString());
        assertThat(report.partitionKey()).isEqualTo("conv_1");
    }

    @Test
    void a_webhook_without_our_ids_is_still_a_report_with_no_correlation() {
        var report = reported(PostCallPayloads.transcription("conv_foreign", null));
        assertThat(report.correlation()).isEmpty();
        assertThat(report.outcome()).isEqualTo(CallOutcome.CONNECTED);
        assertThat(report.partitionKey()).isEqualTo("conv_foreign");
    }

    @Test
    void a_conversation_without_any_client_data_has_no_correlation() {
        var payload = transcription();
        data(payload).remove("conversation_initiation_client_data");
        assertThat(reported(payload).correlation()).isEmpty();
    }

    @Test
    void a_malformed_echoed_id_is_carried_as_an_unverified_hint_never_parsed_and_the_report_is_still_made() {
        var payload = transcription();
        variables(payload).put("call_id", "call-42");
        variables(payload).put("tenant_id", "acme");
        variables(payload).put("attempt", "third");

        var report = reported(payload);

        assertThat(report.correlation()).containsEntry("call_id", "call-42").containsEntry("tenant_id", "acme")
                .containsEntry("attempt", "third");
        assertThat(report.outcome()).isEqualTo(CallOutcome.CONNECTED);
    }

    @Test
    void a_half_set_of_echoed_ids_is_carried_as_it_came() {
        var payload = transcription();
        variables(payload).remove("tenant_id");
        variables(payload).remove("call_id");
        assertThat(reported(payload).correlation()).containsOnlyKeys("campaign_id", "contact_id", "attempt");
    }

    @Test
    void an_echoed_value_longer_than_an_id_is_dropped_and_one_of_id_length_is_kept() {
        var payload = transcription();
        variables(payload).put("call_id", "x".repeat(65));
        variables(payload).put("contact_id", "y".repeat(64));

        var report = reported(payload);

        assertThat(report.correlation()).doesNotContainKey("call_id").containsEntry("contact_id", "y".repeat(64))
                .containsEntry("tenant_id", ids.tenantId().toString());
    }

    @Test
    void only_the_dialers_own_variable_names_are_carried_as_text_and_blank_or_structured_values_are_not() {
        var payload = transcription();
        variables(payload).put("local_hour", "14");
        variables(payload).put("attempt", 3);
        variables(payload).put("tenant_id", "   ");
        variables(payload).putObject("contact_id").put("id", ids.contactId().toString());
        variables(payload).put("call_id", "  " + ids.callId() + " ");

        var report = reported(payload);

        assertThat(report.correlation()).isEqualTo(Map.of("call_id", ids.callId().toString(),
                "campaign_id", ids.campaignId().toString(), "attempt", "3"));
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
        var report = reported(payload);
        assertThat(report.outcome()).isEqualTo(outcome);
        if (outcome != CallOutcome.CONNECTED) {
            assertThat(report.result().qualified()).as("no one qualifies on a call that did not connect").isFalse();
        }
    }

    @Test
    void a_failed_conversation_or_one_with_a_provider_error_is_a_failure() {
        var failed = transcription();
        data(failed).put("status", "failed");
        metadata(failed).put("termination_reason", "Error");
        assertThat(reported(failed).outcome()).isEqualTo(CallOutcome.FAILED);

        var withError = transcription();
        metadata(withError).putObject("error").put("code", 1011).put("reason", "LLM unavailable");
        metadata(withError).put("termination_reason", "Error occurred");
        assertThat(reported(withError).outcome()).isEqualTo(CallOutcome.FAILED);
    }

    @Test
    void a_zero_second_call_in_which_the_contact_never_spoke_was_not_answered() {
        var payload = transcription();
        metadata(payload).put("call_duration_secs", 0);
        metadata(payload).put("termination_reason", "");
        data(payload).putArray("transcript").addObject().put("role", "agent").put("message", "Hello?");
        assertThat(reported(payload).outcome()).isEqualTo(CallOutcome.NO_ANSWER);
    }

    @Test
    void without_the_agents_qualified_data_point_call_successful_decides() {
        var success = transcription();
        analysis(success).withObjectProperty("data_collection_results").remove("qualified");
        assertThat(reported(success).result().qualified()).isTrue();

        var failure = transcription();
        analysis(failure).withObjectProperty("data_collection_results").remove("qualified");
        analysis(failure).put("call_successful", "failure");
        assertThat(reported(failure).result().qualified()).isFalse();

        var unknown = transcription();
        analysis(unknown).withObjectProperty("data_collection_results").remove("qualified");
        analysis(unknown).put("call_successful", "unknown");
        assertThat(reported(unknown).result().qualified()).isNull();
    }

    @Test
    void the_agents_qualified_data_point_wins_over_call_successful_and_may_be_a_word() {
        var payload = transcription();
        analysis(payload).put("call_successful", "success");
        analysis(payload).withObjectProperty("data_collection_results").withObjectProperty("qualified").put("value", "no");
        assertThat(reported(payload).result().qualified()).isFalse();
    }

    @Test
    void a_qualification_score_given_as_text_is_read_and_a_nonsense_one_is_dropped() {
        var text = transcription();
        analysis(text).withObjectProperty("data_collection_results").withObjectProperty("qualification_score").put("value", "0.5");
        assertThat(reported(text).result().qualificationScore()).isEqualTo(0.5);

        var nonsense = transcription();
        analysis(nonsense).withObjectProperty("data_collection_results").withObjectProperty("qualification_score")
                .put("value", "high");
        assertThat(reported(nonsense).result().qualificationScore()).isNull();
    }

    @Test
    void fields_of_unexpected_types_count_as_absent() {
        var payload = transcription();
        metadata(payload).put("call_duration_secs", "long");
        metadata(payload).put("cost_fiat", "a lot");
        metadata(payload).put("cost", "many");
        metadata(payload).put("start_time_unix_secs", "yesterday");
        metadata(payload).put("phone_call", "twilio");
        data(payload).put("analysis", "pending");
        var report = reported(payload);
        assertThat(report.timing().durationSecs()).isNull();
        assertThat(report.charge().costUsd()).isNull();
        assertThat(report.charge().costCredits()).isNull();
        assertThat(report.timing().startedAt()).isNull();
        assertThat(report.toNumber()).isNull();
        assertThat(report.callSid()).isNull();
        assertThat(report.result().summary()).isNull();
        assertThat(report.result().analysis()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"busy, BUSY", "no-answer, NO_ANSWER", "unknown, FAILED", "canceled, CANCELLED"})
    void a_call_that_never_connected_gets_its_outcome_from_the_failure_reason(String reason, CallOutcome outcome) {
        var payload = PostCallPayloads.initiationFailure("conv_2", ids, reason);
        var callSid = data(payload).get("metadata").get("body").get("CallSid").asText();

        var report = reported(payload);

        assertThat(report.kind()).isEqualTo("call_initiation_failure");
        assertThat(report.finalReport()).isTrue();
        assertThat(report.outcome()).isEqualTo(outcome);
        assertThat(report.result().qualified()).isFalse();
        assertThat(report.timing().durationSecs()).isZero();
        assertThat(report.charge().costUsd()).isNull();
        assertThat(report.charge().costCredits()).isNull();
        assertThat(report.callSid()).isEqualTo(callSid);
        assertThat(report.toNumber()).isEqualTo("+12125550123");
        assertThat(report.result().terminationReason()).isEqualTo(reason);
        assertThat(report.correlation()).as("the attempt echoed as a number is carried as its text")
                .isEqualTo(echoedIds());
    }

    @Test
    void a_failure_whose_reason_is_vague_falls_back_to_the_twilio_status_in_its_body() {
        var payload = PostCallPayloads.initiationFailure("conv_3", ids, "unknown");
        data(payload).withObjectProperty("metadata").put("body", "CallSid=CA1&CallStatus=busy&To=%2B12125550199");
        var report = reported(payload);
        assertThat(report.outcome()).isEqualTo(CallOutcome.BUSY);
        assertThat(report.toNumber()).isEqualTo("+12125550199");
        assertThat(report.callSid()).isEqualTo("CA1");
    }

    @Test
    void a_recording_is_decoded_and_gets_an_id_of_its_own_derived_from_the_conversation() {
        var result = normalize(PostCallPayloads.audio("conv_4", 2_000));
        assertThat(result).isInstanceOfSatisfying(Normalized.AudioReceived.class, audio -> {
            assertThat(audio.conversationId()).isEqualTo("conv_4");
            assertThat(audio.eventId()).isEqualTo(EventIds.recordingReported("elevenlabs", "conv_4"))
                    .isNotEqualTo(EventIds.callReported("elevenlabs", "post_call_transcription", "conv_4"));
            assertThat(audio.mp3()).hasSize(2_000).startsWith((byte) 'I', (byte) 'D', (byte) '3');
        });
    }

    @Test
    void a_redelivered_webhook_gets_the_same_event_id_and_another_kind_of_report_of_the_conversation_another() {
        var first = (Normalized.Reported) normalize(transcription());
        var again = (Normalized.Reported) normalizer.normalize(bytes(transcription()), RECEIVED.plusSeconds(30));
        var failure = (Normalized.Reported) normalize(PostCallPayloads.initiationFailure("conv_1", ids, "busy"));
        var otherConversation = (Normalized.Reported) normalize(PostCallPayloads.transcription("conv_9", ids));
        assertThat(again.eventId()).isEqualTo(first.eventId())
                .isEqualTo(EventIds.callReported("elevenlabs", "post_call_transcription", "conv_1"));
        assertThat(failure.eventId()).as("two reports about one call: the dialer decides which settles it")
                .isNotEqualTo(first.eventId())
                .isEqualTo(EventIds.callReported("elevenlabs", "call_initiation_failure", "conv_1"));
        assertThat(otherConversation.eventId()).isNotEqualTo(first.eventId());
    }

    @Test
    void the_report_is_timed_by_the_webhooks_event_timestamp_or_else_by_its_arrival() {
        var stamped = transcription();
        var sentAt = Instant.ofEpochSecond(stamped.get("event_timestamp").asLong());
        var result = (Normalized.Reported) normalize(stamped);
        assertThat(result.time()).isEqualTo(sentAt);
        assertThat(result.report().reportedAt()).isEqualTo(sentAt);

        var unstamped = transcription();
        unstamped.remove("event_timestamp");
        assertThat(reported(unstamped).reportedAt()).isEqualTo(RECEIVED);
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

        var noAudio = PostCallPayloads.audio("conv_5", 10);
        data(noAudio).put("full_audio", "%%%not base64%%%");
        assertThat(reason(bytes(noAudio))).isEqualTo("data.full_audio is not base64");
    }

    @Test
    void an_unreadable_payload_keeps_the_conversation_id_when_it_could_be_read() {
        var payload = transcription();
        data(payload).remove("metadata");
        assertThat(normalize(payload)).isEqualTo(new Normalized.Unreadable("post_call_transcription", "conv_1",
                "data.metadata is missing"));
    }

    private String reason(byte[] body) {
        var result = normalizer.normalize(body, RECEIVED);
        assertThat(result).isInstanceOf(Normalized.Unreadable.class);
        return ((Normalized.Unreadable) result).reason();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "agent at {0} s, person at {1} s: reply after {2} s")
    @org.junit.jupiter.params.provider.CsvSource(nullValues = "-", textBlock = """
            0.5, 1.0, 0.0
            4.5, 1.0, 3.5
            1.5, 0.5, 1.0
            -,   1.0, 2147483647.0
            """)
    void the_agents_reply_time_after_the_persons_greeting_is_measured_for_the_abandoned_call_count(Double agent,
                                                                                                  double user,
                                                                                                  double reply) {
        var payload = transcription();
        var transcript = data(payload).putArray("transcript");
        if (agent != null) {
            transcript.addObject().put("role", "agent").put("message", "Hi, this is Acme.").put("time_in_call_secs",
                    agent);
        }
        transcript.addObject().put("role", "user").put("message", "Hello?").put("time_in_call_secs", user);
        assertThat(reported(payload).result().analysis()).containsEntry("agent_reply_secs", reply);
    }
}
