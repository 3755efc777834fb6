package com.revos.voice.webhook.intake.infrastructure;

import static com.revos.voice.webhook.intake.fixtures.PostCallPayloads.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.events.Topics;
import com.revos.voice.webhook.intake.fixtures.PostCallPayloads;
import com.revos.voice.webhook.intake.fixtures.PostCallPayloads.Ids;
import com.revos.voice.webhook.intake.fixtures.TwilioCallbacks;
import com.revos.voice.webhook.intake.model.PostCallSignature;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Refusals: each one is a problem+json answer, reveals no secret, and leaves nothing on Kafka. */
@IngestServiceContext
class BadWebhookIT {

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry registry;
    private IngestClient client;
    private String marker;

    @BeforeEach
    void connect() {
        client = new IngestClient(port);
        marker = "bad" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void nothingWasPublished() {
        assertThat(TopicScan.countContaining(marker, Topics.PROVIDER_REPORTS, Topics.CALLS, Topics.QUARANTINE))
                .isZero();
    }

    private byte[] transcription() {
        return bytes(PostCallPayloads.transcription(PostCallPayloads.conversationId(marker), Ids.random()));
    }

    private static void refused(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain(IngestServiceContext.SECRET, IngestServiceContext.OLD_SECRET,
                IngestServiceContext.TWILIO_TOKEN);
    }

    @Test
    void an_unsigned_post_call_webhook_is_unauthorized() {
        var before = missingSignatures();
        refused(client.postCall(transcription(), null), 401);
        assertThat(missingSignatures()).isEqualTo(before + 1);
    }

    private double missingSignatures() {
        return registry.find("revos.webhook.signature.failures").tags("provider", "elevenlabs", "reason", "missing")
                .counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void a_post_call_webhook_signed_with_an_unknown_secret_is_unauthorized() {
        var body = transcription();
        refused(client.postCall(body, PostCallSignature.header("not-our-secret", Instant.now().getEpochSecond(),
                body)), 401);
    }

    @Test
    void a_post_call_webhook_whose_body_was_changed_after_signing_is_unauthorized() {
        var body = transcription();
        var signature = IngestClient.signed(body);
        var changed = new String(body, StandardCharsets.UTF_8).replace("\"success\"", "\"failure\"")
                .getBytes(StandardCharsets.UTF_8);
        refused(client.postCall(changed, signature), 401);
    }

    @Test
    void a_replayed_webhook_signed_more_than_thirty_minutes_ago_is_unauthorized() {
        var body = transcription();
        refused(client.postCall(body, PostCallSignature.header(IngestServiceContext.SECRET,
                Instant.now().minusSeconds(31 * 60).getEpochSecond(), body)), 401);
    }

    @Test
    void a_webhook_signed_too_far_in_the_future_is_unauthorized() {
        var body = transcription();
        refused(client.postCall(body, PostCallSignature.header(IngestServiceContext.SECRET,
                Instant.now().plusSeconds(10 * 60).getEpochSecond(), body)), 401);
    }

    @Test
    void a_post_call_webhook_that_is_not_json_is_an_unsupported_media_type() {
        var body = transcription();
        refused(client.post(IngestClient.POST_CALL, "text/plain", body,
                Map.of(ElevenLabsWebhookController.SIGNATURE_HEADER, IngestClient.signed(body))), 415);
        refused(client.post(IngestClient.POST_CALL, null, body,
                Map.of(ElevenLabsWebhookController.SIGNATURE_HEADER, IngestClient.signed(body))), 415);
    }

    @Test
    void a_signed_json_webhook_over_the_limit_is_too_large() {
        var payload = PostCallPayloads.transcription(PostCallPayloads.conversationId(marker), Ids.random());
        PostCallPayloads.analysis(payload).put("transcript_summary", "z".repeat(1_100_000));
        refused(client.postCall(bytes(payload)), 413);
    }

    @Test
    void a_body_over_the_recording_limit_is_refused_before_it_is_read() {
        var body = new byte[2 * 1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        var marked = marker.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(marked, 0, body, 0, marked.length);
        refused(client.postCall(body), 413);
    }

    @Test
    void an_unsigned_twilio_callback_is_unauthorized() {
        refused(client.twilioStatus(null, TwilioCallbacks.status(TwilioCallbacks.callSid(marker), "busy", null),
                null), 401);
    }

    @Test
    void a_twilio_callback_signed_over_the_internal_url_instead_of_the_public_one_is_unauthorized() {
        var form = TwilioCallbacks.status(TwilioCallbacks.callSid(marker), "busy", null);
        var internal = "http://localhost:" + port + IngestClient.TWILIO_STATUS;
        refused(client.twilioStatus(null, form, TwilioCallbacks.sign(IngestServiceContext.TWILIO_TOKEN, internal,
                form)), 401);
    }

    @Test
    void a_twilio_callback_whose_correlation_ids_were_changed_is_unauthorized() {
        var form = TwilioCallbacks.status(TwilioCallbacks.callSid(marker), "completed", null);
        var signedQuery = TwilioCallbacks.query(Ids.random());
        var url = IngestServiceContext.PUBLIC_BASE_URL + IngestClient.TWILIO_STATUS + "?" + signedQuery;
        var signature = TwilioCallbacks.sign(IngestServiceContext.TWILIO_TOKEN, url, form);
        refused(client.twilioStatus(TwilioCallbacks.query(Ids.random()), form, signature), 401);
    }

    @Test
    void a_twilio_callback_that_is_not_a_form_is_an_unsupported_media_type() {
        refused(client.post(IngestClient.TWILIO_STATUS, "application/json",
                ("{\"CallSid\":\"" + marker + "\"}").getBytes(StandardCharsets.UTF_8), Map.of()), 415);
    }

    @Test
    void a_twilio_callback_over_its_limit_is_too_large() {
        var form = TwilioCallbacks.status(TwilioCallbacks.callSid(marker), "busy", null);
        form.put("Padding", "p".repeat(70 * 1024));
        refused(client.twilioStatus(null, form), 413);
    }
}
