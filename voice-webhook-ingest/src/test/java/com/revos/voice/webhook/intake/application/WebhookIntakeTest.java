package com.revos.voice.webhook.intake.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.EventSchemas;
import com.revos.voice.events.ProviderReport.CallReported;
import com.revos.voice.events.ProviderReport.RecordingReported;
import com.revos.voice.events.QuarantineEvent.WebhookQuarantined;
import com.revos.voice.events.Topics;
import com.revos.voice.webhook.intake.fixtures.PostCallPayloads;
import com.revos.voice.webhook.intake.fixtures.TwilioCallbacks;
import com.revos.voice.webhook.intake.model.EventIds;
import com.revos.voice.webhook.intake.model.FormBody;
import com.revos.voice.webhook.intake.model.PostCallSignature;
import com.revos.voice.webhook.intake.model.SignatureCheck;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookIntakeTest {

    private static final Instant NOW = Instant.parse("2026-11-23T21:40:00Z");
    private static final String SECRET = "unit-secret";

    private final List<EventEnvelope> published = new ArrayList<>();
    private final List<String> recordings = new ArrayList<>();
    private final AudioStore keepingStore = (conversationId, agentId, mp3) -> {
        recordings.add(conversationId);
        return Optional.of(agentId + "/" + conversationId + ".mp3");
    };
    private final WebhookIntake intake = intake(published::add);

    private WebhookIntake intake(EventBus bus) {
        return intake(bus, keepingStore);
    }

    private WebhookIntake intake(EventBus bus, AudioStore store) {
        return new WebhookIntake(new PostCallSignature(List.of(SECRET), Duration.ofMinutes(30), Duration.ofMinutes(5)),
                new com.revos.voice.webhook.intake.infrastructure.JacksonPostCallReader(),
                bus, store,
                Clock.fixed(NOW, ZoneOffset.UTC), new WebhookIntake.Settings("/revos/voice-webhook-ingest", 4_096, 100));
    }

    private static String sign(byte[] body) {
        return PostCallSignature.header(SECRET, NOW.getEpochSecond(), body);
    }

    @Test
    void a_signed_transcription_is_published_as_a_provider_report_with_its_derived_id() {
        var body = PostCallPayloads.bytes(PostCallPayloads.transcription("conv_a", PostCallPayloads.Ids.random()));
        var receipt = intake.postCall(body, sign(body));
        assertThat(receipt).isInstanceOf(Receipt.Published.class);
        assertThat(published).singleElement().satisfies(envelope -> {
            assertThat(envelope.id()).isEqualTo(((Receipt.Published) receipt).eventId())
                    .isEqualTo(EventIds.callReported("elevenlabs", "post_call_transcription", "conv_a"));
            assertThat(envelope.topic()).isEqualTo(Topics.PROVIDER_REPORTS);
            assertThat(envelope.type()).isEqualTo("revos.voice.provider.call_reported.v1");
            assertThat(envelope.source()).isEqualTo("/revos/voice-webhook-ingest");
            assertThat(envelope.key()).isEqualTo("conv_a");
            assertThat(envelope.tenantId()).as("a report names no tenant").isNull();
            assertThat(EventSchemas.violations(envelope)).isEmpty();
            assertThat(envelope.event()).isInstanceOfSatisfying(CallReported.class,
                    report -> assertThat(report.providerCallId()).isEqualTo("conv_a"));
        });
    }

    @Test
    void a_twilio_final_status_is_published_as_a_report_of_twilio_keyed_by_its_call_sid() {
        var ids = PostCallPayloads.Ids.random();
        var form = TwilioCallbacks.status("CAunit1", "no-answer", null);
        var receipt = intake.twilioStatus(form, FormBody.parse(TwilioCallbacks.query(ids)),
                TwilioCallbacks.encode(form).getBytes(StandardCharsets.UTF_8));
        assertThat(receipt).isInstanceOf(Receipt.Published.class);
        assertThat(published).singleElement().satisfies(envelope -> {
            assertThat(envelope.topic()).isEqualTo(Topics.PROVIDER_REPORTS);
            assertThat(envelope.key()).isEqualTo("CAunit1");
            assertThat(envelope.tenantId()).isNull();
            assertThat(EventSchemas.violations(envelope)).isEmpty();
            assertThat(envelope.event()).isInstanceOfSatisfying(CallReported.class, report -> {
                assertThat(report.provider()).isEqualTo("twilio");
                assertThat(report.providerCallId()).isEqualTo("CAunit1");
                assertThat(report.correlation()).containsEntry("call_id", ids.callId().toString());
            });
        });
    }

    @Test
    void nothing_the_intake_publishes_is_a_call_event() {
        var ids = PostCallPayloads.Ids.random();
        var transcription = PostCallPayloads.bytes(PostCallPayloads.transcription("conv_n1", ids));
        var failure = PostCallPayloads.bytes(PostCallPayloads.initiationFailure("conv_n2", ids, "busy"));
        var recording = PostCallPayloads.bytes(PostCallPayloads.audio("conv_n3", 100));
        var garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        intake.postCall(transcription, sign(transcription));
        intake.postCall(failure, sign(failure));
        intake.postCall(recording, sign(recording));
        intake.postCall(garbage, sign(garbage));
        var form = TwilioCallbacks.status("CAunit2", "completed", "human");
        intake.twilioStatus(form, FormBody.parse(TwilioCallbacks.query(ids)), new byte[0]);

        assertThat(published).hasSize(5).extracting(EventEnvelope::topic)
                .containsOnly(Topics.PROVIDER_REPORTS, Topics.QUARANTINE)
                .doesNotContain(Topics.CALLS);
    }

    @Test
    void an_unsigned_webhook_is_rejected_before_anything_is_published() {
        var body = PostCallPayloads.bytes(PostCallPayloads.transcription("conv_b", null));
        assertThat(intake.postCall(body, null)).isEqualTo(new Receipt.Rejected("unknown", SignatureCheck.MISSING));
        assertThat(published).isEmpty();
    }

    @Test
    void a_signed_payload_that_makes_no_sense_goes_raw_to_the_quarantine_truncated_to_what_kafka_takes() {
        var body = ("{\"type\":\"post_call_transcription\",\"data\":{\"conversation_id\":\"conv_c\"},\"pad\":\""
                + "x".repeat(200) + "\"}").getBytes(StandardCharsets.UTF_8);
        var receipt = intake.postCall(body, sign(body));
        assertThat(receipt).isInstanceOf(Receipt.Quarantined.class);
        assertThat(published).singleElement().satisfies(envelope -> {
            assertThat(envelope.topic()).isEqualTo(Topics.QUARANTINE);
            assertThat(EventSchemas.violations(envelope)).isEmpty();
            var quarantined = (WebhookQuarantined) envelope.event();
            assertThat(quarantined.providerEventId()).isEqualTo("conv_c");
            assertThat(quarantined.provider()).isEqualTo("elevenlabs");
            assertThat(quarantined.rawBody()).hasSize(100).isEqualTo(new String(body, 0, 100, StandardCharsets.UTF_8));
            assertThat(quarantined.reason()).startsWith("data.metadata is missing")
                    .contains("truncated from " + body.length + " bytes");
        });
    }

    @Test
    void the_same_garbage_delivered_twice_gets_the_same_quarantine_id() {
        var body = "{not json".getBytes(StandardCharsets.UTF_8);
        var first = (Receipt.Quarantined) intake.postCall(body, sign(body));
        var again = (Receipt.Quarantined) intake.postCall(body, sign(body));
        assertThat(again.quarantineId()).isEqualTo(first.quarantineId());
        assertThat(((WebhookQuarantined) published.getFirst().event()).providerEventId()).hasSize(64);
    }

    @Test
    void a_recording_is_handed_to_the_audio_store_and_only_its_existence_is_published() throws Exception {
        var payload = PostCallPayloads.audio("conv_d", 10_000);
        var mp3 = Base64.getDecoder().decode(PostCallPayloads.data(payload).get("full_audio").asText());
        var body = PostCallPayloads.bytes(payload);

        var receipt = intake.postCall(body, sign(body));

        assertThat(recordings).containsExactly("conv_d");
        assertThat(receipt).isInstanceOfSatisfying(Receipt.AudioReceived.class,
                audio -> assertThat(audio.bytes()).isEqualTo(10_000));
        assertThat(published).singleElement().satisfies(envelope -> {
            assertThat(envelope.id()).isEqualTo(((Receipt.AudioReceived) receipt).eventId());
            assertThat(envelope.topic()).isEqualTo(Topics.PROVIDER_REPORTS);
            assertThat(envelope.type()).isEqualTo("revos.voice.provider.recording_reported.v1");
            assertThat(envelope.key()).isEqualTo("conv_d");
            assertThat(EventSchemas.violations(envelope)).isEmpty();
            assertThat(envelope.event()).isEqualTo(new RecordingReported("elevenlabs", "conv_d",
                    "agent_01jz8x3m5k", 10_000,
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(mp3)),
                    "agent_01jz8x3m5k/conv_d.mp3", NOW));
            assertThat(envelope.dataAsString()).as("no audio on Kafka").hasSizeLessThan(1_000);
        });
    }

    @Test
    void a_redelivered_recording_is_published_again_under_the_same_event_id() {
        var body = PostCallPayloads.bytes(PostCallPayloads.audio("conv_r", 500));
        intake.postCall(body, sign(body));
        intake.postCall(body, sign(body));
        assertThat(published).hasSize(2).extracting(EventEnvelope::id).containsOnly(published.getFirst().id());
    }

    @Test
    void a_recording_the_store_cannot_keep_is_not_acknowledged_and_nothing_is_published() {
        var broken = intake(published::add, (conversationId, agentId, mp3) -> {
            throw new AudioStoreUnavailableException("disk full", null);
        });
        var body = PostCallPayloads.bytes(PostCallPayloads.audio("conv_s", 500));
        assertThatThrownBy(() -> broken.postCall(body, sign(body))).isInstanceOf(AudioStoreUnavailableException.class);
        assertThat(published).isEmpty();
    }

    @Test
    void a_signed_payload_over_the_json_limit_that_is_not_a_recording_is_too_large() {
        var payload = PostCallPayloads.transcription("conv_e", null);
        PostCallPayloads.analysis(payload).put("transcript_summary", "y".repeat(5_000));
        var body = PostCallPayloads.bytes(payload);
        assertThat(intake.postCall(body, sign(body))).isInstanceOf(Receipt.TooLarge.class);
        assertThat(published).isEmpty();
    }

    @Test
    void when_the_bus_does_not_take_the_event_the_failure_reaches_the_caller() {
        var failing = intake(envelope -> {
            throw new EventBusUnavailableException("down", null);
        });
        var body = PostCallPayloads.bytes(PostCallPayloads.transcription("conv_f", null));
        assertThatThrownBy(() -> failing.postCall(body, sign(body))).isInstanceOf(EventBusUnavailableException.class);
    }
}
