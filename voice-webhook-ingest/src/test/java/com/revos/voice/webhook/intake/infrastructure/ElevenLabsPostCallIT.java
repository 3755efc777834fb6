package com.revos.voice.webhook.intake.infrastructure;

import static com.revos.voice.webhook.intake.fixtures.PostCallPayloads.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.revos.voice.events.CallOutcome;
import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.ProviderReport.CallReported;
import com.revos.voice.events.ProviderReport.RecordingReported;
import com.revos.voice.events.QuarantineEvent.WebhookQuarantined;
import com.revos.voice.events.Topics;
import com.revos.voice.webhook.intake.fixtures.PostCallPayloads;
import com.revos.voice.webhook.intake.fixtures.PostCallPayloads.Ids;
import com.revos.voice.webhook.intake.model.PostCallSignature;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IngestServiceContext
class ElevenLabsPostCallIT {

    private static PublishedEvents published;

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry registry;
    private IngestClient client;

    @BeforeAll
    static void openProbe() {
        published = new PublishedEvents();
    }

    @AfterAll
    static void closeProbe() {
        published.close();
    }

    @BeforeEach
    void connect() {
        client = new IngestClient(port);
    }

    private static List<EventEnvelope> about(String marker) {
        return published.about(marker);
    }

    private static EventEnvelope theOneEventAbout(String conversationId) {
        return published.theOneEventAbout(conversationId);
    }

    @Test
    void a_signed_transcription_is_on_kafka_as_a_provider_report_before_the_200_and_nothing_is_on_the_calls_topic() {
        var ids = Ids.random();
        var conversation = PostCallPayloads.conversationId("tx");
        var payload = PostCallPayloads.transcription(conversation, ids);
        var callSid = PostCallPayloads.metadata(payload).get("phone_call").get("call_sid").asText();

        var response = client.postCall(bytes(payload));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TopicScan.countContaining(conversation, Topics.PROVIDER_REPORTS))
                .as("already acknowledged by the broker when the 200 left").isEqualTo(1);
        assertThat(TopicScan.countContaining(conversation, Topics.CALLS))
                .as("call events are the dialer's alone").isZero();
        var envelope = theOneEventAbout(conversation);
        assertThat(envelope.type()).isEqualTo("revos.voice.provider.call_reported.v1");
        assertThat(envelope.source()).isEqualTo("/revos/voice-webhook-ingest");
        assertThat(envelope.tenantId()).as("an echoed tenant id is no tenant").isNull();
        assertThat(envelope.campaignId()).isNull();
        assertThat(envelope.key()).isEqualTo(conversation);
        var report = (CallReported) envelope.event();
        assertThat(report.provider()).isEqualTo("elevenlabs");
        assertThat(report.providerCallId()).isEqualTo(conversation);
        assertThat(report.callSid()).isEqualTo(callSid);
        assertThat(report.outcome()).isEqualTo(CallOutcome.CONNECTED);
        assertThat(report.result().qualified()).isTrue();
        assertThat(report.charge().costUsd()).isEqualByComparingTo("0.1425");
        assertThat(report.charge().costCredits()).isEqualByComparingTo("712");
        assertThat(report.result().summary()).isEqualTo("The homeowner is interested in a solar quote.");
        assertThat(report.correlation()).containsEntry("call_id", ids.callId().toString())
                .containsEntry("tenant_id", ids.tenantId().toString());
    }

    @Test
    void a_call_that_never_connected_is_reported_with_its_outcome() {
        var ids = Ids.random();
        var conversation = PostCallPayloads.conversationId("fail");

        var response = client.postCall(bytes(PostCallPayloads.initiationFailure(conversation, ids, "no-answer")));

        assertThat(response.statusCode()).isEqualTo(200);
        var report = (CallReported) theOneEventAbout(conversation).event();
        assertThat(report.kind()).isEqualTo("call_initiation_failure");
        assertThat(report.outcome()).isEqualTo(CallOutcome.NO_ANSWER);
        assertThat(report.correlation()).containsEntry("call_id", ids.callId().toString());
        assertThat(TopicScan.countContaining(conversation, Topics.CALLS)).isZero();
    }

    @Test
    void a_webhook_from_a_call_we_did_not_place_is_reported_without_correlation() {
        var conversation = PostCallPayloads.conversationId("foreign");

        assertThat(client.postCall(bytes(PostCallPayloads.transcription(conversation, null))).statusCode())
                .isEqualTo(200);

        var envelope = theOneEventAbout(conversation);
        assertThat(((CallReported) envelope.event()).correlation()).isEmpty();
        assertThat(envelope.key()).isEqualTo(conversation);
        assertThat(envelope.tenantId()).isNull();
    }

    @Test
    void malformed_or_tenant_chosen_echoed_ids_are_published_as_an_unverified_hint_not_quarantined() {
        var conversation = PostCallPayloads.conversationId("hint");
        var payload = PostCallPayloads.transcription(conversation, Ids.random());
        var anotherTenantsCampaign = UUID.randomUUID().toString();
        PostCallPayloads.variables(payload).put("tenant_id", "acme-corp");
        PostCallPayloads.variables(payload).put("campaign_id", anotherTenantsCampaign);
        PostCallPayloads.variables(payload).put("call_id", "c".repeat(65));
        var before = count("revos.webhook.quarantined", "provider", "elevenlabs");

        assertThat(client.postCall(bytes(payload)).statusCode()).isEqualTo(200);

        var envelope = theOneEventAbout(conversation);
        var report = (CallReported) envelope.event();
        assertThat(report.correlation()).containsEntry("tenant_id", "acme-corp")
                .containsEntry("campaign_id", anotherTenantsCampaign)
                .as("longer than an id: dropped").doesNotContainKey("call_id");
        assertThat(envelope.tenantId()).isNull();
        assertThat(envelope.campaignId()).as("no campaign taken from an echo").isNull();
        assertThat(envelope.key()).isEqualTo(conversation);
        assertThat(TopicScan.countContaining(conversation, Topics.QUARANTINE)).isZero();
        assertThat(count("revos.webhook.quarantined", "provider", "elevenlabs")).isEqualTo(before);
    }

    @Test
    void a_webhook_signed_with_the_old_secret_is_accepted_while_the_rotation_lasts() {
        var conversation = PostCallPayloads.conversationId("rot");
        var body = bytes(PostCallPayloads.transcription(conversation, Ids.random()));

        var response = client.postCall(body, PostCallSignature.header(IngestServiceContext.OLD_SECRET,
                Instant.now().getEpochSecond(), body));

        assertThat(response.statusCode()).isEqualTo(200);
        theOneEventAbout(conversation);
    }

    @Test
    void a_redelivered_webhook_gets_the_same_event_id() {
        var conversation = PostCallPayloads.conversationId("dup");
        var body = bytes(PostCallPayloads.transcription(conversation, Ids.random()));

        assertThat(client.postCall(body).statusCode()).isEqualTo(200);
        assertThat(client.postCall(body, PostCallSignature.header(IngestServiceContext.SECRET,
                Instant.now().getEpochSecond() + 1, body)).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).until(() -> about(conversation).size() == 2);
        var ids = about(conversation).stream().map(EventEnvelope::id).distinct().toList();
        assertThat(ids).as("the dialer takes the report once, by event id").hasSize(1);
    }

    @Test
    void a_recording_is_acknowledged_and_counted_and_only_its_existence_is_put_on_kafka() {
        var conversation = PostCallPayloads.conversationId("audio");
        var before = count("revos.webhook.requests", "result", "audio_received");
        // bigger than the JSON limit would allow: recordings have their own limit
        var body = bytes(PostCallPayloads.audio(conversation, 1_000_000));

        var response = client.postCall(body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(count("revos.webhook.requests", "result", "audio_received")).isEqualTo(before + 1);
        assertThat(registry.get("revos.webhook.audio.bytes").summary().max()).isGreaterThanOrEqualTo(1_000_000);
        var envelope = theOneEventAbout(conversation);
        assertThat(envelope.type()).isEqualTo("revos.voice.provider.recording_reported.v1");
        assertThat(envelope.key()).isEqualTo(conversation);
        assertThat(envelope.event()).isInstanceOfSatisfying(RecordingReported.class, recording -> {
            assertThat(recording.audioBytes()).isEqualTo(1_000_000);
            assertThat(recording.audioSha256()).hasSize(64);
            assertThat(recording.storageKey()).as("this service keeps no recordings by default").isNull();
        });
        assertThat(envelope.dataAsString()).as("the audio stays off Kafka").hasSizeLessThan(1_000);
        assertThat(TopicScan.countContaining(conversation, Topics.QUARANTINE, Topics.CALLS)).isZero();
    }

    @Test
    void a_correctly_signed_payload_that_cannot_be_normalized_goes_raw_to_the_quarantine_and_is_acknowledged() {
        var conversation = PostCallPayloads.conversationId("quar");
        var payload = PostCallPayloads.transcription(conversation, Ids.random());
        PostCallPayloads.data(payload).remove("metadata");
        var body = bytes(payload);
        var before = count("revos.webhook.quarantined", "provider", "elevenlabs");

        var response = client.postCall(body);

        assertThat(response.statusCode()).isEqualTo(200);
        var envelope = theOneEventAbout(conversation);
        assertThat(envelope.topic()).isEqualTo(Topics.QUARANTINE);
        var quarantined = (WebhookQuarantined) envelope.event();
        assertThat(quarantined.rawBody()).isEqualTo(new String(body, StandardCharsets.UTF_8));
        assertThat(quarantined.reason()).isEqualTo("data.metadata is missing");
        assertThat(quarantined.providerEventId()).isEqualTo(conversation);
        assertThat(envelope.key()).isEqualTo(conversation);
        assertThat(count("revos.webhook.quarantined", "provider", "elevenlabs")).isEqualTo(before + 1);
        assertThat(TopicScan.countContaining(conversation, Topics.PROVIDER_REPORTS, Topics.CALLS)).isZero();
    }

    @Test
    void the_intake_exposes_its_metrics_to_prometheus() {
        client.postCall(bytes(PostCallPayloads.transcription(PostCallPayloads.conversationId("m"), Ids.random())));
        var scrape = client.get("/actuator/prometheus").body();
        assertThat(scrape).contains("revos_webhook_requests_total", "revos_webhook_publish_latency_seconds_bucket",
                "http_server_requests_seconds");
        assertThat(scrape).as("per-filter security observations are off").doesNotContain("spring_security_filter");
    }

    private double count(String name, String tag, String value) {
        var counter = registry.find(name).tag(tag, value).counters();
        return counter.stream().mapToDouble(c -> c.count()).sum();
    }
}
