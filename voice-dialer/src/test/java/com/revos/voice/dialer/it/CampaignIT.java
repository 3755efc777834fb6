package com.revos.voice.dialer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.revos.voice.events.ProviderReport.CallReported;
import com.revos.voice.events.CallOutcome;
import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.EventSchemas;
import com.revos.voice.events.Topics;
import com.revos.voice.testsupport.KafkaProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CampaignIT extends DialerIntegrationTest {

    @Test
    void an_upload_reports_every_row_it_does_not_take_with_the_reason() {
        var p = provision();
        var campaign = createCampaign(p, 5, 3, 60);
        var good = nextNumber();
        var good2 = nextNumber();
        var suppressed = nextNumber();
        post(p, "/suppressions", Map.of("phone", suppressed));
        var csv = "phone,first_name\n" + good + ",Ann\n" + "12345,Bob\n" + good + ",Ann again\n" + suppressed
                + ",Sue\n" + good2 + ",\"Doe, Jo\"\n" + nextNumber() + ",too,many\n";

        var result = postCsv(p, "/campaigns/" + campaign + "/contacts", csv);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body().get("accepted").asLong()).isEqualTo(2);
        var rejected = new ArrayList<String>();
        result.body().get("rejected").forEach(r -> rejected.add(r.get("row").asInt() + ":" + r.get("reason").asText()));
        assertThat(rejected).containsExactly("2:invalid_number", "3:duplicate", "4:suppressed",
                "6:wrong_column_count");
        var variables = jdbc.queryForObject("SELECT variables->>'first_name' FROM contacts WHERE phone = ?",
                String.class, good2);
        assertThat(variables).isEqualTo("Doe, Jo");

        var again = post(p, "/campaigns/" + campaign + "/contacts",
                List.of(Map.of("phone", good), Map.of("phone", nextNumber(), "plan", "gold"), Map.of("phone", "+1")));
        assertThat(again.body().get("accepted").asLong()).isEqualTo(1);
        assertThat(again.body().get("rejected").findValuesAsText("reason")).containsExactly("duplicate",
                "invalid_number");
    }

    @Test
    void a_large_csv_upload_is_streamed_in_batches() {
        var p = provision();
        var campaign = createCampaign(p, 5, 3, 60);
        var csv = new StringBuilder("phone,segment\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append(nextNumber()).append(",s").append(i % 7).append('\n');
        }
        var result = postCsv(p, "/campaigns/" + campaign + "/contacts", csv.toString());
        assertThat(result.body().get("accepted").asLong()).isEqualTo(20_000);
        assertThat(get(p, "/campaigns/" + campaign).body().at("/progress/pending").asLong()).isEqualTo(20_000);
        post(p, "/campaigns/" + campaign + "/cancel", Map.of());
    }

    @Test
    void pacing_above_the_tenant_limits_and_unknown_agents_are_refused() {
        var p = provision();
        var body = new java.util.HashMap<>(campaignBody(p, 500, 3, 60));
        var tooFast = post(p, "/campaigns", body);
        assertThat(tooFast.status()).isEqualTo(400);
        assertThat(tooFast.body().get("errors").findValuesAsText("field")).contains("pacing.calls_per_second");

        body = new java.util.HashMap<>(campaignBody(p, 5, 3, 60));
        body.put("agent_id", UUID.randomUUID().toString());
        assertThat(post(p, "/campaigns", body).status()).isEqualTo(404);
    }

    @Test
    void contacts_are_dialed_once_each_then_retried_by_outcome_until_done_or_exhausted_and_the_campaign_completes() {
        var p = provision();
        var campaign = createCampaign(p, 20, 2, 0);
        var numbers = List.of(nextNumber(), nextNumber(), nextNumber(), nextNumber());
        post(p, "/campaigns/" + campaign + "/contacts", numbers.stream().map(n -> Map.of("phone", n)).toList());

        try (var campaigns = KafkaProbe.on(Topics.CAMPAIGNS)) {
            assertThat(post(p, "/campaigns/" + campaign + "/start", Map.of()).status()).isEqualTo(200);
            await().atMost(PATIENCE).until(() -> numbers.stream().allMatch(n -> initiatedCall(campaign, n, 1) != null));
            assertThat(numbers).allSatisfy(n -> assertThat(dialsTo(n)).isEqualTo(1));

            // first outcomes: connected, busy, no answer, voicemail
            complete(campaign, numbers.get(0), 1, CallOutcome.CONNECTED, 42, "0.12");
            complete(campaign, numbers.get(1), 1, CallOutcome.BUSY, 0, "0");
            complete(campaign, numbers.get(2), 1, CallOutcome.NO_ANSWER, 0, "0");
            complete(campaign, numbers.get(3), 1, CallOutcome.VOICEMAIL, 5, "0.01");
            await().atMost(PATIENCE).until(() -> contactState(campaign, numbers.get(0)).equals("done"));
            await().atMost(PATIENCE).until(() -> numbers.subList(1, 4).stream()
                    .allMatch(n -> initiatedCall(campaign, n, 2) != null));

            // second and last attempts
            complete(campaign, numbers.get(1), 2, CallOutcome.BUSY, 0, "0");
            complete(campaign, numbers.get(2), 2, CallOutcome.CONNECTED, 30, "0.08");
            var last = complete(campaign, numbers.get(3), 2, CallOutcome.NO_ANSWER, 0, "0");
            publish(last); // a redelivered outcome changes nothing

            await().atMost(PATIENCE).until(() -> "completed".equals(
                    get(p, "/campaigns/" + campaign).body().get("status").asText()));
            assertThat(contactState(campaign, numbers.get(1))).isEqualTo("exhausted");
            assertThat(contactState(campaign, numbers.get(2))).isEqualTo("done");
            assertThat(contactState(campaign, numbers.get(3))).isEqualTo("exhausted");
            assertThat(numbers.subList(1, 4)).allSatisfy(n -> assertThat(dialsTo(n)).isEqualTo(2));
            assertThat(dialsTo(numbers.get(0))).isEqualTo(1);

            var status = get(p, "/campaigns/" + campaign).body();
            assertThat(status.at("/progress/done").asLong()).isEqualTo(2);
            assertThat(status.at("/progress/exhausted").asLong()).isEqualTo(2);
            var calls = get(p, "/campaigns/" + campaign + "/calls?limit=5&offset=0").body();
            assertThat(calls.get("total").asLong()).isEqualTo(7);
            assertThat(calls.get("items")).hasSize(5);

            var usage = get(p, "/usage?from=" + CLOCK.instant().minus(Duration.ofHours(1)) + "&to="
                    + CLOCK.instant().plus(Duration.ofHours(1))).body();
            assertThat(usage.get("calls").asLong()).isEqualTo(7);
            assertThat(usage.get("billable_seconds").asLong()).isEqualTo(77);
            assertThat(usage.get("cost").decimalValue()).isEqualByComparingTo("0.21");

            var events = await().atMost(PATIENCE).until(() -> campaigns.envelopes(
                    e -> campaign.equals(e.subject())), list -> list.size() >= 2);
            assertThat(events).extracting(EventEnvelope::type)
                    .containsExactly("revos.voice.campaign.started.v1", "revos.voice.campaign.completed.v1");
            events.forEach(e -> assertThat(EventSchemas.violations(e)).isEmpty());
        }
    }

    @Test
    void pause_stops_dialing_resume_continues_and_cancel_stops_for_good() {
        var p = provision();
        var campaign = createCampaign(p, 10, 3, 60);
        var numbers = new ArrayList<String>();
        for (int i = 0; i < 40; i++) {
            numbers.add(nextNumber());
        }
        post(p, "/campaigns/" + campaign + "/contacts", numbers.stream().map(n -> Map.of("phone", n)).toList());
        post(p, "/campaigns/" + campaign + "/start", Map.of());
        await().atMost(PATIENCE).until(() -> dialed(numbers) >= 5);

        assertThat(post(p, "/campaigns/" + campaign + "/pause", Map.of()).body().get("status").asText())
                .isEqualTo("paused");
        // within one pacing tick (50 ms here, 10 calls/s) at most one more call may already be on its way
        var atPause = dialed(numbers);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> dialed(numbers) <= atPause + 1);
        var paused = dialed(numbers);

        post(p, "/campaigns/" + campaign + "/resume", Map.of());
        await().atMost(PATIENCE).until(() -> dialed(numbers) >= paused + 5);

        assertThat(post(p, "/campaigns/" + campaign + "/cancel", Map.of()).body().get("status").asText())
                .isEqualTo("cancelled");
        var atCancel = dialed(numbers);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> dialed(numbers) <= atCancel + 1);
        assertThat(dialed(numbers)).isLessThan(numbers.size());
        assertThat(get(p, "/campaigns/" + campaign).body().at("/progress/cancelled").asLong()).isPositive();
        var counts = dialCounts();
        assertThat(numbers).allSatisfy(n -> assertThat(counts.getOrDefault(n, 0L)).isLessThanOrEqualTo(1L));
    }

    @Test
    void a_number_suppressed_mid_campaign_is_not_called() {
        var p = provision();
        var campaign = createCampaign(p, 4, 3, 60);
        var numbers = new ArrayList<String>();
        for (int i = 0; i < 12; i++) {
            numbers.add(nextNumber());
        }
        post(p, "/campaigns/" + campaign + "/contacts", numbers.stream().map(n -> Map.of("phone", n)).toList());
        post(p, "/campaigns/" + campaign + "/start", Map.of());
        await().atMost(PATIENCE).until(() -> dialed(numbers) >= 1);
        var late = numbers.getLast();
        post(p, "/suppressions", Map.of("phone", late, "reason", "asked not to be called"));

        await().atMost(PATIENCE).until(() -> dialed(numbers) == numbers.size() - 1);
        assertThat(dialsTo(late)).isZero();
        await().atMost(PATIENCE).until(() -> "suppressed".equals(contactState(campaign, late)));
        assertThat(get(p, "/campaigns/" + campaign).body().at("/progress/suppressed").asLong()).isEqualTo(1);
        post(p, "/campaigns/" + campaign + "/cancel", Map.of());
    }

    /** The initiated call of a contact's attempt, as {id, contact, conversation}, or null. */
    String[] initiatedCall(String campaign, String phone, int attempt) {
        var rows = jdbc.query("""
                SELECT c.id, c.contact_id, c.provider_call_id FROM calls c
                WHERE c.campaign_id = ?::uuid AND c.to_number = ? AND c.attempt = ? AND c.state = 'initiated'""",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, campaign, phone, attempt);
        return rows.isEmpty() ? null : rows.getFirst();
    }

    CallReported complete(String campaign, String phone, int attempt, CallOutcome outcome, int seconds,
                          String cost) {
        var call = initiatedCall(campaign, phone, attempt);
        var event = report(call[2], phone, call[0], outcome, seconds, cost);
        publish(event);
        return event;
    }
}
