package com.revos.voice.dialer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.revos.voice.events.CallEvent.CallInitiationFailed;
import com.revos.voice.events.CallOutcome;
import com.revos.voice.events.CallingWindow;
import com.revos.voice.events.CampaignEvent;
import com.revos.voice.events.KernelCommand;
import com.revos.voice.events.CallResult;
import com.revos.voice.events.CallTiming;
import com.revos.voice.events.ProviderReport.CallReported;
import com.revos.voice.events.Topics;
import com.revos.voice.testsupport.KafkaProbe;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Compliance you can prove (ADR 0011), on the real broker and database: the legal ceiling at the send point, state
 * rules, the frequency cap, opt-outs, consent at upload, and the evidence of every dial placed or refused.
 */
class ComplianceIT extends DialerIntegrationTest {

    private static final AtomicLong SUFFIX = new AtomicLong((long) (Math.random() * 1_000_000));

    @AfterEach
    void backToMidday() {
        CLOCK.reset();
    }

    /** A valid number of the area code no other test uses (exchanges 201-499). */
    private static String numberIn(String areaCode) {
        var n = SUFFIX.incrementAndGet() % 2_990_000;
        return "+1" + areaCode + (201 + n / 10_000) + String.format("%04d", n % 10_000);
    }

    @Test
    void a_campaign_window_outside_the_legal_hours_is_refused_naming_the_rule_and_the_allowed_hours() {
        var p = provision();
        var body = new HashMap<>(campaignBody(p, 5, 1, 0));
        body.put("calling_window", Map.of("start_hour", 0, "end_hour", 24));
        var refused = post(p, "/campaigns", body);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("rule").asText()).isEqualTo("calling_hours:us-federal");
        assertThat(refused.body().get("allowed_hours").asText()).isEqualTo("08:00-21:00");
        assertThat(refused.body().at("/errors/0/field").asText()).isEqualTo("calling_window");
        assertThat(refused.body().get("detail").asText()).contains("47 CFR 64.1200(c)(1)");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM campaigns WHERE tenant_id = ?", Integer.class,
                p.tenantId())).isZero();
    }

    @Test
    void a_kernel_retime_outside_the_ceiling_is_clamped_and_the_campaign_says_so() {
        var p = provision();
        var campaign = createCampaign(p, 5, 1, 0);
        try (var probe = KafkaProbe.on(Topics.CAMPAIGNS)) {
            var retime = new KernelCommand.CampaignRetime(UUID.randomUUID(), UUID.fromString(campaign),
                    p.tenantId(), UUID.randomUUID(), new CallingWindow(11, 24, null), "blind shift", Instant.now());
            publish(retime);
            var retimed = await().atMost(PATIENCE).until(() -> probe.envelopes(
                    e -> e.type().equals("revos.voice.campaign.retimed.v1") && campaign.equals(e.subject())),
                    list -> !list.isEmpty()).getFirst();
            var event = (CampaignEvent.CampaignRetimed) retimed.event();
            assertThat(event.commandId()).isEqualTo(retime.commandId());
            assertThat(event.callingWindow().startHour()).isEqualTo(11);
            assertThat(event.callingWindow().endHour()).as("clamped to the federal 21:00").isEqualTo(21);
        }
        var status = get(p, "/campaigns/" + campaign).body();
        assertThat(status.at("/calling_window/end_hour").asInt()).isEqualTo(21);
        assertThat(status.get("retime_note").asText()).contains("11-24", "clamped to 11-21", "us-federal");
    }

    @Test
    void a_contact_suppressed_mid_campaign_and_one_who_said_stop_are_never_dialed_again() {
        var p = provision();
        var campaign = createCampaign(p, 5, 3, 1);
        var suppressed = nextNumber();
        var saidStop = nextNumber();
        post(p, "/campaigns/" + campaign + "/contacts", List.of(Map.of("phone", suppressed),
                Map.of("phone", saidStop)));
        post(p, "/campaigns/" + campaign + "/start", Map.of());
        await().atMost(PATIENCE).until(() -> dialsTo(suppressed) == 1 && dialsTo(saidStop) == 1);

        // the tenant adds one to its list while its busy retry is pending; the other asks not to be called
        assertThat(post(p, "/suppressions", Map.of("phone", suppressed, "reason", "asked by email")).status())
                .isEqualTo(201);
        publishOutcome(p, campaign, suppressed, CallOutcome.BUSY, null, Map.of());
        publishOutcome(p, campaign, saidStop, CallOutcome.CONNECTED, "user asked to stop calling me",
                Map.of("data_collection", Map.of("do_not_call", true)));
        await().atMost(PATIENCE).until(() -> "suppressed".equals(contactState(campaign, suppressed)));
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("SELECT count(*) FROM suppressions WHERE "
                + "tenant_id = ? AND phone = ? AND source = 'call' AND call_id IS NOT NULL", Integer.class,
                p.tenantId(), saidStop) == 1);

        // and in every other campaign of the tenant, from the next dial on
        var another = createCampaign(p, 5, 1, 0);
        var upload = post(p, "/campaigns/" + another + "/contacts", List.of(Map.of("phone", saidStop),
                Map.of("phone", nextNumber())));
        assertThat(upload.body().at("/rejected/0/reason").asText()).isEqualTo("suppressed");
        var single = post(p, "/calls", Map.of("agent_id", p.agentId().toString(), "phone_number_id",
                p.numberId().toString(), "to_number", suppressed));
        assertThat(single.status()).isEqualTo(409);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                .until(() -> dialsTo(suppressed) == 1 && dialsTo(saidStop) == 1);
        var listed = get(p, "/suppressions").body().get("items");
        assertThat(listed.findValuesAsText("source")).contains("api", "call");
        post(p, "/campaigns/" + campaign + "/cancel", Map.of());
    }

    @Test
    void a_fourth_call_in_24_hours_to_a_florida_number_waits_and_is_not_burned() {
        var p = provision();
        var florida = numberIn("305");
        for (int i = 0; i < 3; i++) {
            var placed = post(p, "/calls", singleCall(p, florida));
            // 202: sent, its answer lost (a loaded machine): it was placed as far as the cap is concerned
            assertThat(placed.status()).as("call %d: %s", i + 1, placed.body()).isIn(201, 202);
            assertThat(placed.body().at("/evidence/0/decision").asText()).isEqualTo("placed");
            assertThat(placed.body().at("/evidence/0/calls_last_24h").asInt()).isEqualTo(i);
            assertThat(placed.body().at("/evidence/0/ceiling_rules").toString()).contains("us-FL");
        }
        var fourth = post(p, "/calls", singleCall(p, florida));
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.body().get("rule").asText()).isEqualTo("frequency_cap:us-FL");
        assertThat(fourth.body().get("retry_at").asText()).isNotBlank();

        // a campaign contact with the same number waits for the oldest call to leave the 24 h window
        var campaign = createCampaign(p, 5, 3, 0);
        post(p, "/campaigns/" + campaign + "/contacts", List.of(Map.of("phone", florida)));
        try (var calls = KafkaProbe.on(Topics.CALLS)) {
            post(p, "/campaigns/" + campaign + "/start", Map.of());
            var refusal = (CallInitiationFailed) await().atMost(PATIENCE).until(() -> calls.envelopes(e ->
                    campaign.equals(String.valueOf(e.campaignId())) && e.event() instanceof CallInitiationFailed),
                    list -> !list.isEmpty()).getFirst().event();
            assertThat(refusal.providerCode()).isEqualTo("compliance_refused");
            // Miami keeps New York's time: the refusal says the hour the contact was in when it was refused
            assertThat(refusal.localHour()).isIn(refusal.failedAt().atZone(TestClock.NEW_YORK).getHour(),
                    refusal.failedAt().minusSeconds(60).atZone(TestClock.NEW_YORK).getHour());
        }
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("SELECT count(*) FROM dial_evidence WHERE "
                + "campaign_id = ?::uuid AND rule = 'frequency_cap:us-FL'", Integer.class, campaign) == 1);
        await().atMost(PATIENCE).until(() -> "pending".equals(contactState(campaign, florida)));
        assertThat(attempts(campaign, florida)).as("the attempt is given back").isZero();
        var waitsUntil = jdbc.queryForObject("SELECT next_attempt_at FROM contacts WHERE campaign_id = ?::uuid",
                java.sql.Timestamp.class, campaign).toInstant();
        assertThat(waitsUntil).isAfter(CLOCK.instant().plus(Duration.ofHours(23)));
        assertThat(dialsTo(florida)).isEqualTo(3);
        post(p, "/campaigns/" + campaign + "/cancel", Map.of());
    }

    @Test
    void a_tenant_tightens_its_own_settings_within_the_operators_and_the_next_dial_obeys_them() {
        var p = provision();
        var shown = get(p, "/compliance-settings");
        assertThat(shown.status()).isEqualTo(200);
        var defaults = shown.body().get("defaults");
        assertThat(shown.body().get("calls_per24h").asInt()).isEqualTo(defaults.get("calls_per24h").asInt())
                .isGreaterThan(2);
        assertThat(shown.body().get("written_consent_for_marketing").asBoolean()).isTrue();
        assertThat(shown.body().has("updated_at")).as("never set: %s", shown.body()).isFalse();

        var tightened = put(p, "/compliance-settings", Map.of("calls_per24h", 2));
        assertThat(tightened.status()).as("%s", tightened.body()).isEqualTo(200);
        assertThat(tightened.body().get("calls_per24h").asInt()).isEqualTo(2);
        assertThat(tightened.body().get("own_calls_per24h").asInt()).isEqualTo(2);
        assertThat(tightened.body().get("updated_by").asText()).isEqualTo("tester");
        assertThat(get(p, "/compliance-settings").body()).isEqualTo(tightened.body());

        var number = nextNumber();
        for (int i = 0; i < 2; i++) {
            assertThat(post(p, "/calls", singleCall(p, number)).status()).isIn(201, 202);
        }
        var third = post(p, "/calls", singleCall(p, number));
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.body().get("rule").asText()).isEqualTo("frequency_cap:tenant");
        assertThat(dialsTo(number)).isEqualTo(2);

        // looser than the operator, or no cap at all: refused naming the field, and nothing changes
        var looser = put(p, "/compliance-settings", Map.of("calls_per24h", defaults.get("calls_per24h").asInt() + 1,
                "written_consent_for_marketing", false));
        assertThat(looser.status()).isEqualTo(422);
        assertThat(looser.body().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("calls_per24h", "written_consent_for_marketing");
        var none = put(p, "/compliance-settings", Map.of("calls_per24h", 0));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body().at("/errors/0/field").asText()).isEqualTo("calls_per24h");
        assertThat(get(p, "/compliance-settings").body().get("calls_per24h").asInt()).isEqualTo(2);

        // a field left out returns to the operator's value
        var reset = put(p, "/compliance-settings", Map.of());
        assertThat(reset.body().get("calls_per24h").asInt()).isEqualTo(defaults.get("calls_per24h").asInt());
        assertThat(reset.body().has("own_calls_per24h")).isFalse();
        assertThat(post(p, "/calls", singleCall(p, number)).status()).isIn(201, 202);
    }

    @Test
    void a_single_call_at_night_local_time_is_refused_with_the_rule_named_and_its_evidence_kept() {
        var p = provision();
        // midday in New York is the small hours in Guam, a US territory held to the federal hours
        var guam = "+1671555" + String.format("%04d", SUFFIX.incrementAndGet() % 10_000);
        var refused = post(p, "/calls", singleCall(p, guam));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("rule").asText()).isEqualTo("calling_hours:us-federal");
        assertThat(refused.body().get("allowed_hours").asText()).isEqualTo("08:00-21:00 local time (Pacific/Guam)");
        assertThat(refused.body().at("/errors/0/field").asText()).isEqualTo("to_number");
        var evidence = jdbc.queryForMap("SELECT decision, rule, retry_at, local_times::text AS local_times FROM "
                + "dial_evidence WHERE id = ?::uuid", refused.body().get("evidence_id").asText());
        assertThat(evidence.get("decision")).isEqualTo("refused");
        assertThat(evidence.get("local_times").toString()).contains("Pacific/Guam");
        assertThat(evidence.get("retry_at")).isNotNull();
        assertThat(dialsTo(guam)).isZero();
    }

    @Test
    void contacts_of_a_marketing_campaign_without_written_consent_are_reported_at_upload_and_never_dialed() {
        var p = provision();
        var body = new HashMap<>(campaignBody(p, 5, 1, 0));
        body.put("purpose", "marketing");
        var campaign = post(p, "/campaigns", body).body().get("id").asText();
        var written = nextNumber();
        var none = nextNumber();
        var upload = post(p, "/campaigns/" + campaign + "/contacts", List.of(
                Map.of("phone", written, "consent_type", "written", "consent_source", "web form 7",
                        "consent_obtained_at", "2026-02-01T10:00:00Z"),
                Map.of("phone", none),
                Map.of("phone", nextNumber(), "consent_type", "written", "time_zone", "Mars/Olympus")));
        assertThat(upload.body().get("accepted").asInt()).isEqualTo(1);
        assertThat(upload.body().get("rejected").findValuesAsText("reason"))
                .containsExactly("no_written_consent", "invalid_time_zone");
        post(p, "/campaigns/" + campaign + "/start", Map.of());
        await().atMost(PATIENCE).until(() -> dialsTo(written) == 1);
        var call = jdbc.queryForObject("SELECT id FROM calls WHERE campaign_id = ?::uuid", UUID.class, campaign);
        assertThat(get(p, "/calls/" + call).body().at("/evidence/0/consent").asText())
                .isEqualTo("written via web form 7 at 2026-02-01T10:00:00Z");
        assertThat(dialsTo(none)).isZero();
        post(p, "/campaigns/" + campaign + "/cancel", Map.of());
    }

    @Test
    void the_evidence_export_of_a_finished_campaign_holds_one_record_per_dial_and_per_refusal() throws Exception {
        var p = provision();
        // 20:30 in New York and Miami: the federal hours allow it, Florida's (08:00-20:00) do not
        CLOCK.setLocalTime(TestClock.NEW_YORK, LocalTime.of(20, 30));
        var campaign = createCampaign(p, 5, 1, 0);
        var newYork = List.of(nextNumber(), nextNumber(), nextNumber());
        var miami = numberIn("305");
        var contacts = new ArrayList<Map<String, Object>>();
        newYork.forEach(n -> contacts.add(Map.of("phone", n)));
        contacts.add(Map.of("phone", miami));
        post(p, "/campaigns/" + campaign + "/contacts", contacts);
        post(p, "/campaigns/" + campaign + "/start", Map.of());
        await().atMost(PATIENCE).until(() -> newYork.stream().allMatch(n -> dialsTo(n) == 1));
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("SELECT count(*) FROM dial_evidence WHERE "
                + "campaign_id = ?::uuid AND decision = 'refused'", Integer.class, campaign) == 1);
        for (var number : newYork) {
            publishOutcome(p, campaign, number, CallOutcome.CONNECTED, "Call ended by remote party", Map.of());
        }
        await().atMost(PATIENCE).until(() -> newYork.stream().allMatch(n -> "done".equals(contactState(campaign,
                n))));
        // the Florida contact waits for 08:00 there; the campaign is finished by cancelling it
        assertThat(post(p, "/campaigns/" + campaign + "/cancel", Map.of()).status()).isEqualTo(200);
        assertThat(dialsTo(miami)).isZero();

        var lines = exportJsonLines(p, campaign);
        assertThat(lines).hasSize(4);
        var placed = lines.stream().filter(l -> l.get("decision").asText().equals("placed")).toList();
        var refused = lines.stream().filter(l -> l.get("decision").asText().equals("refused")).toList();
        assertThat(placed).hasSize(3);
        assertThat(placed).extracting(l -> l.get("to_number").asText()).containsExactlyInAnyOrderElementsOf(newYork);
        var calls = jdbc.queryForList("SELECT id::text FROM calls WHERE campaign_id = ?::uuid AND state <> "
                + "'not_placed'", String.class, campaign);
        assertThat(placed).extracting(l -> l.get("call_id").asText()).containsExactlyInAnyOrderElementsOf(calls);
        var florida = refused.getFirst();
        assertThat(florida.get("to_number").asText()).isEqualTo(miami);
        assertThat(florida.get("rule").asText()).isEqualTo("calling_hours:us-FL");
        assertThat(florida.get("allowed_hours").asText()).startsWith("08:00-20:00");
        assertThat(florida.at("/states/0/state").asText()).isEqualTo("FL");
        assertThat(florida.at("/states/0/source").asText()).isEqualTo("area_code");
        for (var line : placed) {
            assertThat(line.get("ceiling").asText()).isEqualTo("08:00-21:00 local time (America/New_York)");
            assertThat(line.get("campaign_window").asText()).isEqualTo("08:00-21:00");
            assertThat(line.get("local_times").get("America/New_York").asText()).contains("T20:");
            assertThat(line.get("attempt").asInt()).isEqualTo(1);
            assertThat(line.get("suppression_checked_at").asText()).isNotBlank();
        }
        var call = get(p, "/calls/" + placed.getFirst().get("call_id").asText()).body();
        assertThat(call.at("/evidence/0/id").asText()).isEqualTo(placed.getFirst().get("id").asText());

        var csv = http(p).get().uri("/campaigns/" + campaign + "/evidence?format=csv").exchange((request,
                response) -> new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        var rows = csv.split("\r\n");
        assertThat(rows).hasSize(5);
        assertThat(rows[0]).startsWith("id,decided_at,decision,rule");
        assertThat(csv).contains(",refused,calling_hours:us-FL,");
        assertThat(get(p, "/campaigns/" + UUID.randomUUID() + "/evidence").status()).isEqualTo(404);
        var other = provision();
        assertThat(exportJsonLines(other, campaign)).as("another tenant sees none of it").isEmpty();
    }

    private List<JsonNode> exportJsonLines(Provisioned p, String campaign) {
        var text = http(p).get().uri("/campaigns/" + campaign + "/evidence")
                .header(HttpHeaders.ACCEPT, "application/jsonl").exchange((request, response) -> {
                    if (response.getStatusCode().value() != 200) {
                        return "";
                    }
                    assertThat(response.getHeaders().getContentType()).isNotNull();
                    assertThat(response.getHeaders().getContentType().isCompatibleWith(
                            MediaType.parseMediaType("application/jsonl"))).isTrue();
                    return new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                });
        var lines = new ArrayList<JsonNode>();
        for (var line : text.split("\n")) {
            if (!line.isBlank()) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (Exception e) {
                    throw new AssertionError("not a JSON line: " + line, e);
                }
            }
        }
        return lines;
    }

    private static Map<String, Object> singleCall(Provisioned p, String to) {
        return Map.of("agent_id", p.agentId().toString(), "phone_number_id", p.numberId().toString(),
                "to_number", to);
    }

    /** The webhook intake's report on the campaign call to {@code number}. */
    private void publishOutcome(Provisioned p, String campaign, String number, CallOutcome outcome,
                                String terminationReason, Map<String, Object> analysis) {
        var call = await().atMost(PATIENCE).until(() -> jdbc.queryForList("SELECT id::text || ' ' || "
                + "provider_call_id FROM calls WHERE campaign_id = ?::uuid AND to_number = ? AND state = "
                + "'initiated'", String.class, campaign, number), rows -> !rows.isEmpty()).getFirst().split(" ");
        var kind = outcome == CallOutcome.BUSY ? "call_initiation_failure" : "post_call_transcription";
        publish(new CallReported("elevenlabs", kind, call[1], null, null, number, new CallTiming(Instant.now(), 10),
                outcome, true, new CallResult(outcome == CallOutcome.CONNECTED, null, terminationReason, analysis,
                        "a call"), new CallReported.Charge(new BigDecimal("0.03"), new BigDecimal("10")),
                Map.of("call_id", call[0]), Instant.now()));
    }
}
