package com.revos.voice.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class OutboundCallIT extends SimulatorITSupport {

    /** Calls of 2-8 s ringing plus 30 s talking report after well under a second. */
    static final Map<String, Object> FAST = Map.of("time_scale", 0.01, "min_duration_secs", 30,
            "max_duration_secs", 30);

    @Test
    void answered_call_posts_a_signed_transcription_that_echoes_the_dynamic_variables() throws Exception {
        configure(merged(FAST, Map.of("answer_rate", 1.0, "busy_rate", 0.0, "voicemail_rate", 0.0,
                "failure_rate", 0.0, "qualification_rate", 1.0)));
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("call_id", "c4a1e8d2-7b3f-4e6a-9c5d-1f2e3a4b5c03");
        variables.put("tenant_id", "6f1c1c52-3f1e-4a8e-9d55-0a9c2f1b7e01");
        variables.put("crm_id", 1234);
        variables.put("vip", true);
        variables.put("nickname", null);

        Reply reply = elevenLabs("POST", "/v1/convai/twilio/outbound-call", call(variables));

        assertThat(reply.status()).isEqualTo(200);
        Map<String, Object> placed = reply.map();
        assertThat(placed).containsOnlyKeys("success", "message", "conversation_id", "callSid")
                .containsEntry("success", true);
        String conversationId = (String) placed.get("conversation_id");
        assertThat(conversationId).startsWith("conv_");
        assertThat((String) placed.get("callSid")).startsWith("CA").hasSize(34);

        WebhookReceiver.Delivery delivery = awaitWebhook(conversationId);
        assertThat(verifies(delivery)).as("ElevenLabs-Signature verifies").isTrue();
        Map<String, Object> webhook = parse(delivery.body());
        assertThat(webhook).containsEntry("type", "post_call_transcription").containsKey("event_timestamp");
        Map<?, ?> data = (Map<?, ?>) webhook.get("data");
        assertThat(data.get("status")).isEqualTo("done");
        assertThat(data.get("agent_id")).isEqualTo("agent_it");
        assertThat(at(data, "conversation_initiation_client_data.dynamic_variables")).isEqualTo(variables);
        assertThat(at(data, "metadata.call_duration_secs")).isEqualTo(30);
        assertThat(at(data, "metadata.phone_call.call_sid")).isEqualTo(placed.get("callSid"));
        assertThat(at(data, "metadata.phone_call.external_number")).isEqualTo("+14155550199");
        assertThat(at(data, "metadata.termination_reason")).isNotNull();
        assertThat(at(data, "analysis.call_successful")).isEqualTo("success");
        assertThat(at(data, "analysis.data_collection_results.qualified.value")).isEqualTo(true);
        assertThat(at(data, "analysis.data_collection_results.qualified.data_collection_id")).isEqualTo("qualified");
        assertThat((Double) at(data, "analysis.data_collection_results.qualification_score.value"))
                .isBetween(0.6, 1.0);
        assertThat((List<?>) data.get("transcript")).isNotEmpty();

        Map<String, Object> conversation = elevenLabs("GET", "/v1/convai/conversations/" + conversationId, null).map();
        assertThat(conversation).containsEntry("status", "done").containsEntry("conversation_id", conversationId);
        assertThat(conversation.get("analysis")).isEqualTo(data.get("analysis"));
    }

    @Test
    void a_call_answered_after_the_clients_timeout_is_placed_anyway_and_listed_by_elevenlabs_and_twilio()
            throws Exception {
        configure(merged(FAST, Map.of("api_latency_ms", 3_000)));
        var client = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                        + "/v1/convai/twilio/outbound-call")).timeout(java.time.Duration.ofMillis(300))
                .header("Content-Type", "application/json").header("xi-api-key", "sim-key")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        call(Map.of("call_id", "late-1"))))).build();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.net.http.HttpTimeoutException.class);

        // the provider placed it when the request arrived: both its lists show it before its answer is due
        Map<String, Object> listed = elevenLabs("GET",
                "/v1/convai/conversations?agent_id=agent_it&call_start_after_unix=0", null).map();
        List<?> conversations = (List<?>) listed.get("conversations");
        assertThat(conversations).hasSize(1);
        String conversationId = (String) ((Map<?, ?>) conversations.getFirst()).get("conversation_id");
        Map<String, Object> details = elevenLabs("GET", "/v1/convai/conversations/" + conversationId, null).map();
        assertThat(at(details, "conversation_initiation_client_data.dynamic_variables.call_id")).isEqualTo("late-1");
        var twilio = send("GET", "/2010-04-01/Accounts/AC00000000000000000000000000000000/Calls.json?To=%2B14155550199"
                + "&StartTime%3E=2026-01-01", null, "Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("AC00000000000000000000000000000000:token".getBytes()));
        assertThat(twilio.status()).isEqualTo(200);
        List<?> calls = (List<?>) twilio.map().get("calls");
        assertThat(calls).hasSize(1);
        assertThat(((Map<?, ?>) calls.getFirst()).get("to")).isEqualTo("+14155550199");
        assertThat((String) ((Map<?, ?>) calls.getFirst()).get("sid")).startsWith("CA");
        // the call goes on and reports: its webhook is awaited here, not counted by the next test's receiver
        assertThat(verifies(awaitWebhook(conversationId))).isTrue();
    }

    @Test
    void failure_rate_one_makes_every_call_fail() {
        configure(merged(FAST, Map.of("failure_rate", 1.0)));

        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Reply reply = elevenLabs("POST", "/v1/convai/twilio/outbound-call", call(Map.of("call_id", "f-" + i)));
            assertThat(reply.status()).isEqualTo(200);
            ids.add((String) reply.map().get("conversation_id"));
        }

        for (int i = 0; i < ids.size(); i++) {
            Map<String, Object> webhook = parse(awaitWebhook(ids.get(i)).body());
            assertThat(webhook.get("type")).isEqualTo("post_call_transcription");
            assertThat(at(webhook, "data.status")).isEqualTo("failed");
            assertThat(at(webhook, "data.metadata.error.reason")).isNotNull();
            assertThat(at(webhook, "data.metadata.call_duration_secs")).isEqualTo(0);
            assertThat(at(webhook, "data.analysis.call_successful")).isEqualTo("failure");
            assertThat(at(webhook, "data.conversation_initiation_client_data.dynamic_variables.call_id"))
                    .isEqualTo("f-" + i);
            assertThat(elevenLabs("GET", "/v1/convai/conversations/" + ids.get(i), null).map())
                    .containsEntry("status", "failed");
        }
        Map<String, Object> stats = send("GET", "/simulator/calls", null).map();
        assertThat(stats).containsEntry("placed", 5);
        assertThat(at(stats, "outcomes.failed")).isEqualTo(5);
        assertThat(at(stats, "outcomes.connected")).isEqualTo(0);
    }

    @Test
    void busy_lines_report_their_failure_reason() {
        configure(merged(FAST, Map.of("failure_rate", 0.0, "busy_rate", 1.0)));

        String id = (String) elevenLabs("POST", "/v1/convai/twilio/outbound-call", call(Map.of("call_id", "b")))
                .map().get("conversation_id");

        Map<String, Object> webhook = parse(awaitWebhook(id).body());
        assertThat(webhook.get("type")).isEqualTo("call_initiation_failure");
        assertThat(at(webhook, "data.failure_reason")).isEqualTo("busy");
        assertThat(at(webhook, "data.metadata.type")).isEqualTo("twilio");
        assertThat(at(webhook, "data.metadata.body.CallStatus")).isEqualTo("busy");
        assertThat(at(webhook, "data.metadata.body.To")).isEqualTo("+14155550199");
    }

    @Test
    void unanswered_calls_ring_for_the_requested_timeout_then_report_no_answer() {
        configure(Map.of("time_scale", 0.01, "failure_rate", 0.0, "busy_rate", 0.0, "voicemail_rate", 0.0,
                "answer_rate", 0.0));

        String id = (String) elevenLabs("POST", "/v1/convai/twilio/outbound-call", call(Map.of("call_id", "n")))
                .map().get("conversation_id");

        Map<String, Object> webhook = parse(awaitWebhook(id).body());
        assertThat(webhook.get("type")).isEqualTo("call_initiation_failure");
        assertThat(at(webhook, "data.failure_reason")).isEqualTo("no-answer");
        assertThat(at(elevenLabs("GET", "/v1/convai/conversations/" + id, null).map(), "metadata.termination_reason"))
                .isEqualTo("Call failed: no-answer");
    }

    @Test
    void voicemail_is_a_short_conversation_ended_by_voicemail_detection() {
        configure(merged(FAST, Map.of("failure_rate", 0.0, "busy_rate", 0.0, "voicemail_rate", 1.0)));

        String id = (String) elevenLabs("POST", "/v1/convai/twilio/outbound-call", call(Map.of("call_id", "v")))
                .map().get("conversation_id");

        Map<String, Object> webhook = parse(awaitWebhook(id).body());
        assertThat(webhook.get("type")).isEqualTo("post_call_transcription");
        assertThat((String) at(webhook, "data.metadata.termination_reason")).contains("voicemail");
        assertThat(at(webhook, "data.analysis.data_collection_results.qualified.value")).isEqualTo(false);
    }

    @Test
    void injected_provider_errors_use_the_elevenlabs_error_shape() {
        configure(Map.of("outbound_429_rate", 1.0));
        Reply limited = elevenLabs("POST", "/v1/convai/twilio/outbound-call", call(Map.of()));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(at(limited.map(), "detail.code")).isEqualTo("concurrent_limit_exceeded");

        configure(Map.of("outbound_429_rate", 0.0, "outbound_error_rate", 1.0));
        assertThat(elevenLabs("POST", "/v1/convai/twilio/outbound-call", call(Map.of())).status()).isEqualTo(500);

        Reply invalid = elevenLabs("POST", "/v1/convai/twilio/outbound-call", Map.of("agent_id", "agent_it"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(send("POST", "/v1/convai/twilio/outbound-call", call(Map.of())).status()).isEqualTo(401);

        Map<String, Object> stats = send("GET", "/simulator/calls", null).map();
        assertThat(stats).containsEntry("rejected_rate_limited", 1).containsEntry("rejected_server_error", 1)
                .containsEntry("placed", 0);
    }

    @Test
    void an_account_the_provider_refuses_places_no_call_until_it_is_set_right() {
        configure(merged(FAST, Map.of("account_error", "invalid_api_key")));
        Reply badKey = elevenLabs("POST", "/v1/convai/twilio/outbound-call", call(Map.of()));
        assertThat(badKey.status()).isEqualTo(401);
        assertThat(at(badKey.map(), "detail.code")).isEqualTo("invalid_api_key");

        configure(Map.of("account_error", "quota_exceeded"));
        Reply noCredits = elevenLabs("POST", "/v1/convai/twilio/outbound-call", call(Map.of()));
        assertThat(noCredits.status()).isEqualTo(401);
        assertThat(at(noCredits.map(), "detail.code")).isEqualTo("quota_exceeded");
        assertThat(send("GET", "/simulator/calls", null).map()).containsEntry("placed", 0);

        configure(Map.of("account_error", "none"));
        assertThat(elevenLabs("POST", "/v1/convai/twilio/outbound-call", call(Map.of())).status()).isEqualTo(200);
        assertThat(send("PUT", "/simulator/config", Map.of("account_error", "broke")).status()).isEqualTo(400);
    }

    @Test
    void a_full_account_refuses_the_next_call_with_concurrent_limit_exceeded() {
        // hour-long calls: they stay in progress for the test, and report long after this JVM is gone
        configure(Map.of("time_scale", 1.0, "failure_rate", 0.0, "busy_rate", 0.0, "voicemail_rate", 0.0,
                "answer_rate", 1.0, "min_duration_secs", 3600, "max_duration_secs", 3600, "api_latency_ms", 0,
                "max_concurrent_calls", 2));
        assertThat(elevenLabs("POST", "/v1/convai/twilio/outbound-call", call(Map.of())).status()).isEqualTo(200);
        assertThat(elevenLabs("POST", "/v1/convai/twilio/outbound-call", call(Map.of())).status()).isEqualTo(200);
        Reply full = elevenLabs("POST", "/v1/convai/twilio/outbound-call", call(Map.of()));

        assertThat(full.status()).isEqualTo(429);
        assertThat(at(full.map(), "detail.code")).isEqualTo("concurrent_limit_exceeded");
        assertThat(send("GET", "/simulator/calls", null).map()).containsEntry("placed", 2)
                .containsEntry("in_progress", 2);
    }

    @Test
    void a_webhook_the_intake_refuses_is_retried_until_accepted() throws Exception {
        configure(merged(FAST, Map.of("failure_rate", 0.0, "answer_rate", 1.0)));
        WEBHOOKS.failNext(2);

        String id = (String) elevenLabs("POST", "/v1/convai/twilio/outbound-call", call(Map.of("call_id", "r")))
                .map().get("conversation_id");

        assertThat(verifies(awaitWebhook(id))).isTrue();
        assertThat(WEBHOOKS.attempts()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(send("GET", "/simulator/calls", null)
                .map()).containsEntry("webhook_retries", 2).containsEntry("webhooks_delivered", 1));
        assertThat(send("GET", "/actuator/prometheus", null).body())
                .contains("simulator_calls_placed_total", "simulator_webhooks_delivered_total",
                        "simulator_webhooks_retries_total");
    }

    @Test
    void unknown_conversation_is_not_found() {
        Reply reply = elevenLabs("GET", "/v1/convai/conversations/conv_missing", null);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(at(reply.map(), "detail.code")).isEqualTo("conversation_not_found");
    }

    @Test
    void every_outbound_call_is_witnessed_on_arrival_with_its_numbers_and_the_peak_second_of_its_account() {
        configure(merged(FAST, Map.of("outbound_error_rate", 0.2)));

        int placed = 0;
        for (int i = 0; i < 10; i++) {
            if (elevenLabs("POST", "/v1/convai/twilio/outbound-call", call(Map.of("call_id", "w-" + i)))
                    .status() == 200) {
                placed++;
            }
        }
        int accepted = placed;

        // the number was never imported: the simulator places it from its default line and account
        String account = CallSimulatorDefaults.ACCOUNT;
        Map<String, Object> accounts = send("GET", "/simulator/arrivals", null).map();
        assertThat(accounts).containsOnlyKeys(account);
        Map<?, ?> witnessed = (Map<?, ?>) accounts.get(account);
        assertThat(witnessed.get("calls")).as("rejected calls arrived too").isEqualTo(10);
        assertThat((Integer) witnessed.get("peak_per_second")).isBetween(1, 10);
        assertThat(witnessed.get("peak_second_ended_at")).isNotNull();

        List<Object> arrivals = send("GET", "/simulator/arrivals/" + account, null).list();
        assertThat(arrivals).hasSize(10).allSatisfy(arrival -> {
            assertThat(at(arrival, "to")).isEqualTo("+14155550199");
            assertThat(at(arrival, "from")).isEqualTo(CallSimulatorDefaults.NUMBER);
            assertThat(at(arrival, "account")).isEqualTo(account);
            assertThat(Instant.parse((String) at(arrival, "at"))).isBefore(Instant.now().plusSeconds(1));
        });

        assertThat(send("POST", "/simulator/reset", null).status()).isEqualTo(204);
        assertThat(send("GET", "/simulator/arrivals", null).map()).isEmpty();
        // the placed calls report after the reset: their webhooks must not land in the next test's receiver
        await().atMost(Duration.ofSeconds(10)).until(() -> WEBHOOKS.attempts() == accepted);
    }

    @Test
    void an_outbound_call_is_witnessed_when_its_first_byte_arrived_not_when_its_headers_were_complete()
            throws Exception {
        configure(FAST);
        var body = "{\"agent_id\":\"agent_it\",\"agent_phone_number_id\":\"phnum_it\","
                + "\"to_number\":\"+14155550199\"}";
        Instant headersCompleted;
        try (var socket = new Socket("localhost", port)) {
            var out = socket.getOutputStream();
            out.write("POST /v1/convai/twilio/outbound-call HTTP/1.1\r\nHost: localhost\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // a sender whose headers trickle in (the pause is the input, not a wait for an outcome): the server
            // holds the request line while it waits for the rest
            Thread.sleep(300);
            headersCompleted = Instant.now();
            out.write(("xi-api-key: sim-key\r\nContent-Type: application/json\r\nConnection: close\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 200");
        }

        List<Object> arrivals = send("GET", "/simulator/arrivals/" + CallSimulatorDefaults.ACCOUNT, null).list();
        assertThat(arrivals).hasSize(1);
        assertThat(Instant.parse((String) at(arrivals.getFirst(), "at")))
                .as("stamped when the request line arrived, 300 ms before its headers were complete")
                .isBefore(headersCompleted.minusMillis(200));
        // the call reports after a moment: its webhook must not land in the next test's receiver
        await().atMost(Duration.ofSeconds(10)).until(() -> WEBHOOKS.attempts() == 1);
    }

    /** The line of a number the product never imported (CallSimulator.UNKNOWN_LINE). */
    private static final class CallSimulatorDefaults {
        static final String NUMBER = "+15005550006";
        static final String ACCOUNT = "AC00000000000000000000000000000000";
    }

    private static Map<String, Object> call(Map<String, Object> dynamicVariables) {
        return Map.of(
                "agent_id", "agent_it",
                "agent_phone_number_id", "phnum_it",
                "to_number", "+14155550199",
                "conversation_initiation_client_data", Map.of("dynamic_variables", dynamicVariables),
                "telephony_call_config", Map.of("ringing_timeout_secs", 45));
    }

    private static Map<String, Object> merged(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> merged = new LinkedHashMap<>(a);
        merged.putAll(b);
        return merged;
    }

    private WebhookReceiver.Delivery awaitWebhook(String conversationId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> WEBHOOKS.deliveries().stream()
                .filter(d -> conversationId.equals(at(parse(d.body()), "data.conversation_id")))
                .findFirst(), Optional::isPresent).orElseThrow();
    }

    /** Verification as provider-apis.md §5.3 describes it, independent of the simulator's own signer. */
    private static boolean verifies(WebhookReceiver.Delivery delivery) throws Exception {
        String t = null;
        String v0 = null;
        for (String part : delivery.signature().split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            } else if (part.startsWith("v0=")) {
                v0 = part;
            }
        }
        if (t == null || v0 == null || Long.parseLong(t) < Instant.now().getEpochSecond() - 1800) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "v0=" + HexFormat.of().formatHex(mac.doFinal((t + "." + delivery.body())
                .getBytes(StandardCharsets.UTF_8)));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), v0.getBytes(StandardCharsets.UTF_8));
    }
}
