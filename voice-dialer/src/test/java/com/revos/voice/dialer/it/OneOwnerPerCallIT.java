package com.revos.voice.dialer.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.revos.voice.dialer.dispatch.infrastructure.Dispatcher;
import com.revos.voice.events.CallEvent.CallCompleted;
import com.revos.voice.events.CallEvent.CallInitiated;
import com.revos.voice.events.CallEvent.CallInitiationFailed;
import com.revos.voice.events.CallEvent.CallRequested;
import com.revos.voice.events.CallOutcome;
import com.revos.voice.events.EventSchemas;
import com.revos.voice.events.Topics;
import com.revos.voice.testsupport.KafkaProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dialer as the one owner of every call, tried as an attacker and a fault would: answers lost after the provider
 * placed the call and before it did, a client's retries, forged and foreign reports, reports without any echoed ids,
 * a provider refusing the account, and two instances sharing one tenant's rate. The {@link ProviderWitness} counts
 * what really reached the provider.
 */
class OneOwnerPerCallIT extends DialerIntegrationTest {

    /** Longer than the dialer's read timeout in these tests (1.5 s). */
    private static final int LATE_ANSWER_MS = 3_000;

    @Autowired
    Dispatcher.Services services;
    @Autowired
    Dispatcher dispatcher;

    @Test
    void a_single_call_whose_answer_came_too_late_is_answered_202_retried_with_its_key_without_a_second_dial_and_found() {
        var p = provision();
        var to = nextNumber();
        var late = ELEVENLABS.stubFor(WireMock.post(urlEqualTo(OUTBOUND)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to_number", equalTo(to)))
                .willReturn(aResponse().withStatus(200).withFixedDelay(LATE_ANSWER_MS)
                        .withHeader("Content-Type", "application/json").withBody("{\"success\":true,"
                                + "\"conversation_id\":\"conv_{{jsonPath request.body "
                                + "'$.conversation_initiation_client_data.dynamic_variables.call_id'}}\"}")
                        .withTransformers("response-template")));
        try {
            var body = Map.of("agent_id", p.agentId(), "phone_number_id", p.numberId(), "to_number", to);
            var key = UUID.randomUUID().toString();

            var first = postWithKey(p, "/calls", body, key);
            var retried = postWithKey(p, "/calls", body, key); // the client's retry after a lost answer

            assertThat(first.status()).isEqualTo(202);
            assertThat(first.body().get("state").asText()).isEqualTo("ambiguous");
            assertThat(retried.status()).isEqualTo(202);
            assertThat(retried.body().get("id")).isEqualTo(first.body().get("id"));
            var callId = first.body().get("id").asText();
            await().atMost(PATIENCE).until(() -> "initiated".equals(get(p, "/calls/" + callId).body()
                    .get("state").asText()));
            assertThat(get(p, "/calls/" + callId).body().get("provider_call_id").asText())
                    .isEqualTo(ProviderWitness.conversationId(callId));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> dialsTo(to) == 1);
            assertThat(WITNESS.placedTo(to)).hasSize(1);
        } finally {
            ELEVENLABS.removeStub(late);
        }
    }

    @Test
    void a_campaign_attempt_whose_answer_was_lost_before_the_provider_placed_it_is_given_back_and_dialed_once() {
        var p = provision();
        var to = nextNumber();
        var scenario = "lost-before-placing-" + to;
        var lost = ELEVENLABS.stubFor(WireMock.post(urlEqualTo(OUTBOUND)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to_number", equalTo(to)))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("answered")
                .willReturn(aResponse().withStatus(502).withFixedDelay(LATE_ANSWER_MS)));
        try {
            var campaign = createCampaign(p, 5, 3, 0);
            post(p, "/campaigns/" + campaign + "/contacts", List.of(Map.of("phone", to)));
            post(p, "/campaigns/" + campaign + "/start", Map.of());

            await().atMost(PATIENCE).until(() -> WITNESS.placedTo(to).size() == 1);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> dialsTo(to) == 2);
            assertThat(WITNESS.placedTo(to)).hasSize(1);
            assertThat(jdbc.queryForList("SELECT attempt || ':' || state FROM calls WHERE campaign_id = ?::uuid "
                    + "ORDER BY requested_at", String.class, campaign)).containsExactly("1:not_placed", "1:initiated");
            assertThat(attempts(campaign, to)).isEqualTo(1);
            post(p, "/campaigns/" + campaign + "/cancel", Map.of());
        } finally {
            ELEVENLABS.removeStub(lost);
        }
    }

    @Test
    void a_campaign_attempt_whose_answer_was_lost_after_the_provider_placed_it_is_never_dialed_again() {
        var p = provision();
        var to = nextNumber();
        var late = ELEVENLABS.stubFor(WireMock.post(urlEqualTo(OUTBOUND)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to_number", equalTo(to)))
                .willReturn(aResponse().withStatus(200).withFixedDelay(LATE_ANSWER_MS)
                        .withHeader("Content-Type", "application/json").withBody("{\"success\":true}")));
        try {
            var campaign = createCampaign(p, 5, 3, 0);
            post(p, "/campaigns/" + campaign + "/contacts", List.of(Map.of("phone", to)));
            post(p, "/campaigns/" + campaign + "/start", Map.of());

            await().atMost(PATIENCE).until(() -> jdbc.queryForObject("SELECT count(*) FROM calls "
                    + "WHERE campaign_id = ?::uuid AND state = 'initiated'", Integer.class, campaign) == 1);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(6)).until(() -> dialsTo(to) == 1);
            assertThat(WITNESS.placedTo(to)).hasSize(1);
            assertThat(attempts(campaign, to)).isEqualTo(1);
            post(p, "/campaigns/" + campaign + "/cancel", Map.of());
        } finally {
            ELEVENLABS.removeStub(late);
        }
    }

    @Test
    void an_attempt_elevenlabs_does_not_list_is_found_in_twilios_calls_and_never_dialed_again() {
        var p = provision();
        var to = nextNumber();
        var late = ELEVENLABS.stubFor(WireMock.post(urlEqualTo(OUTBOUND)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to_number", equalTo(to)))
                .willReturn(aResponse().withStatus(200).withFixedDelay(LATE_ANSWER_MS)
                        .withHeader("Content-Type", "application/json").withBody("{\"success\":true}")));
        // ElevenLabs has not registered the conversation (yet): its list shows nothing for this agent
        var unlisted = ELEVENLABS.stubFor(WireMock.get(WireMock.urlPathEqualTo("/v1/convai/conversations"))
                .atPriority(1).withQueryParam("agent_id", equalTo("agent_" + p.agentId()))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"conversations\": [], \"has_more\": false}")));
        try {
            var campaign = createCampaign(p, 5, 3, 0);
            post(p, "/campaigns/" + campaign + "/contacts", List.of(Map.of("phone", to)));
            post(p, "/campaigns/" + campaign + "/start", Map.of());

            await().atMost(PATIENCE).until(() -> jdbc.queryForObject("SELECT count(*) FROM calls "
                    + "WHERE campaign_id = ?::uuid AND state = 'initiated'", Integer.class, campaign) == 1);
            var callId = jdbc.queryForObject("SELECT id::text FROM calls WHERE campaign_id = ?::uuid", String.class,
                    campaign);
            assertThat(jdbc.queryForObject("SELECT call_sid FROM calls WHERE id = ?::uuid", String.class, callId))
                    .isEqualTo(ProviderWitness.callSid(callId));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(6)).until(() -> dialsTo(to) == 1);
            assertThat(WITNESS.placedTo(to)).hasSize(1);
            ELEVENLABS.verify(WireMock.getRequestedFor(WireMock.urlPathMatching("/2010-04-01/Accounts/.*/Calls.json"))
                    .withQueryParam("To", equalTo(to)).withQueryParam("From", equalTo("+14155550100")));
            post(p, "/campaigns/" + campaign + "/cancel", Map.of());
        } finally {
            ELEVENLABS.removeStub(late);
            ELEVENLABS.removeStub(unlisted);
        }
    }

    @Test
    void a_tenant_cannot_name_the_dialers_own_ids_in_dynamic_variables() {
        var p = provision();
        var victim = provision();
        var campaign = createCampaign(victim, 1, 1, 0);
        var to = nextNumber();

        var refused = post(p, "/calls", Map.of("agent_id", p.agentId(), "phone_number_id", p.numberId(),
                "to_number", to, "dynamic_variables", Map.of("campaign_id", campaign, "tenant_id",
                        victim.tenantId().toString())));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().toString()).contains("dynamic_variables", "campaign_id", "tenant_id");
        assertThat(dialsTo(to)).isZero();
    }

    @Test
    void a_report_that_echoes_another_tenants_call_settles_nothing_and_is_kept_unmatched() {
        var attacker = provision();
        var victim = provision();
        var victimCall = post(victim, "/calls", Map.of("agent_id", victim.agentId(), "phone_number_id",
                victim.numberId(), "to_number", nextNumber())).body();
        var attackerNumber = nextNumber();
        // a call of the attacker's whose provider report echoes the victim's call id (variables are the tenant's)
        var forged = report("conv_forged_" + UUID.randomUUID(), attackerNumber, victimCall.get("id").asText(),
                CallOutcome.FAILED, 0, "0");

        var envelope = publish(forged);

        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("SELECT count(*) FROM unmatched_reports "
                + "WHERE event_id = ?", Integer.class, envelope.id()) == 1);
        assertThat(get(victim, "/calls/" + victimCall.get("id").asText()).body().get("state").asText())
                .isEqualTo("initiated");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM usage_ledger WHERE tenant_id = ?", Integer.class,
                victim.tenantId())).isZero();
        assertThat(attacker.tenantId()).isNotEqualTo(victim.tenantId());
    }

    @Test
    void a_report_that_is_not_our_cloud_event_is_dead_lettered_and_the_reports_behind_it_are_still_applied() {
        var poison = "not-a-cloud-event-" + UUID.randomUUID();
        try (var deadLetters = KafkaProbe.onTopics(Topics.PROVIDER_REPORTS.name() + ".voice-dialer-reports.dlt")) {
            PRODUCER.send(new ProducerRecord<>(Topics.PROVIDER_REPORTS.name(), poison,
                    "{\"conversation_id\": 42}".getBytes(StandardCharsets.UTF_8)));
            var behind = publish(report("conv_behind_poison_" + UUID.randomUUID(), nextNumber(), null,
                    CallOutcome.CONNECTED, 5, "0.01"));

            await().atMost(PATIENCE).until(() -> jdbc.queryForObject("SELECT count(*) FROM unmatched_reports "
                    + "WHERE event_id = ?", Integer.class, behind.id()) == 1);
            await().atMost(PATIENCE).until(() -> deadLetters.poll().stream()
                    .anyMatch(record -> poison.equals(record.key())));
        }
    }

    @Test
    void busy_and_no_answer_reports_without_echoed_ids_become_the_dialers_own_call_completed() {
        var p = provision();
        var busy = nextNumber();
        var unanswered = nextNumber();
        var campaign = createCampaign(p, 5, 1, 0);
        post(p, "/campaigns/" + campaign + "/contacts", List.of(Map.of("phone", busy), Map.of("phone", unanswered)));
        try (var probe = KafkaProbe.on(Topics.CALLS)) {
            post(p, "/campaigns/" + campaign + "/start", Map.of());
            await().atMost(PATIENCE).until(() -> WITNESS.placedTo(busy).size() == 1
                    && WITNESS.placedTo(unanswered).size() == 1);
            await().atMost(PATIENCE).until(() -> jdbc.queryForObject("SELECT count(*) FROM calls "
                    + "WHERE campaign_id = ?::uuid AND state = 'initiated'", Integer.class, campaign) == 2);

            // call_initiation_failure carries no dynamic variables: only the conversation id ties it to us
            publish(report(WITNESS.placedTo(busy).getFirst().conversationId(), null, null, CallOutcome.BUSY, 0, "0"));
            publish(report(WITNESS.placedTo(unanswered).getFirst().conversationId(), null, null,
                    CallOutcome.NO_ANSWER, 0, "0"));

            var completed = await().atMost(PATIENCE).until(() -> probe.envelopes(
                    e -> campaign.equals(String.valueOf(e.campaignId()))
                            && e.type().equals("revos.voice.call.completed.v1")), list -> list.size() == 2);
            assertThat(completed).allSatisfy(e -> {
                assertThat(EventSchemas.violations(e)).isEmpty();
                var event = (CallCompleted) e.event();
                assertThat(event.tenantId()).isEqualTo(p.tenantId());
                assertThat(event.dialed().contactId()).isNotNull();
                assertThat(event.dialed().attempt()).isEqualTo(1);
                assertThat(event.localHour()).isBetween(0, 23);
                assertThat(event.billing().billableSecs()).isZero();
            });
            assertThat(completed).extracting(e -> ((CallCompleted) e.event()).outcome())
                    .containsExactlyInAnyOrder(CallOutcome.BUSY, CallOutcome.NO_ANSWER);

            // every event of an attempt carries the contact's local hour, the one its request was sent at
            var ofCampaign = probe.envelopes(e -> campaign.equals(String.valueOf(e.campaignId())));
            var requested = new HashMap<UUID, CallRequested>();
            ofCampaign.forEach(e -> {
                if (e.event() instanceof CallRequested r) {
                    requested.put(r.callId(), r);
                }
            });
            assertThat(requested).hasSize(2);
            assertThat(requested.values()).allSatisfy(r -> assertThat(r.localHour()).as("the numbers are in New York")
                    .isIn(r.requestedAt().atZone(TestClock.NEW_YORK).getHour(),
                            r.requestedAt().minusSeconds(60).atZone(TestClock.NEW_YORK).getHour()));
            var initiated = ofCampaign.stream().filter(e -> e.type().equals("revos.voice.call.initiated.v1")).toList();
            assertThat(initiated).hasSize(2).allSatisfy(e -> {
                assertThat(EventSchemas.violations(e)).isEmpty();
                var event = (CallInitiated) e.event();
                assertThat(event.localHour()).isNotNull().isEqualTo(requested.get(event.callId()).localHour());
            });
            assertThat(completed).allSatisfy(e -> assertThat(((CallCompleted) e.event()).localHour())
                    .isEqualTo(requested.get(((CallCompleted) e.event()).callId()).localHour()));
            await().atMost(PATIENCE).until(() -> "completed".equals(
                    get(p, "/campaigns/" + campaign).body().get("status").asText()));
        }
    }

    @Test
    void a_provider_refusing_the_account_stops_the_campaign_with_its_reason_and_burns_no_attempt() {
        var p = provision();
        var numbers = List.of(nextNumber(), nextNumber(), nextNumber());
        var refusals = numbers.stream().map(n -> ELEVENLABS.stubFor(WireMock.post(urlEqualTo(OUTBOUND)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to_number", equalTo(n)))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"detail\":{\"status\":\"invalid_api_key\",\"message\":\"Invalid API key\"}}"))))
                .toList();
        try (var calls = KafkaProbe.on(Topics.CALLS); var campaigns = KafkaProbe.on(Topics.CAMPAIGNS)) {
            var campaign = createCampaign(p, 5, 3, 0);
            post(p, "/campaigns/" + campaign + "/contacts", numbers.stream().map(n -> Map.of("phone", n)).toList());
            post(p, "/campaigns/" + campaign + "/start", Map.of());

            await().atMost(PATIENCE).until(() -> "paused".equals(get(p, "/campaigns/" + campaign).body()
                    .get("status").asText()));
            var shown = get(p, "/campaigns/" + campaign).body();
            assertThat(shown.get("stopped_reason").asText()).contains("refused the account", "401",
                    "invalid_api_key");
            await().atMost(PATIENCE).until(() -> numbers.stream().allMatch(n -> attempts(campaign, n) == 0));
            var paused = await().atMost(PATIENCE).until(() -> campaigns.envelopes(e -> campaign.equals(e.subject())
                    && e.type().equals("revos.voice.campaign.paused.v1")), list -> !list.isEmpty());
            assertThat(paused.getFirst().dataAsString()).contains("refused the account");
            var failed = await().atMost(PATIENCE).until(() -> calls.envelopes(e -> campaign.equals(
                    String.valueOf(e.campaignId())) && e.event() instanceof CallInitiationFailed), l -> !l.isEmpty());
            assertThat(failed).allSatisfy(e -> {
                var event = (CallInitiationFailed) e.event();
                assertThat(event.attemptBurned()).isFalse();
                assertThat(event.localHour()).as("the contact's local hour, as requested").isNotNull()
                        .isEqualTo(calls.envelopes(r -> r.event() instanceof CallRequested requested
                                && requested.callId().equals(event.callId())).stream()
                                .map(r -> ((CallRequested) r.event()).localHour()).findFirst().orElseThrow());
            });
            assertThat(WITNESS.placedTo(numbers.getFirst())).isEmpty();
        } finally {
            refusals.forEach(ELEVENLABS::removeStub);
        }
    }

    @Test
    void two_dialer_instances_on_one_tenant_never_exceed_its_rate_at_the_provider() throws Exception {
        var p = provision(UUID.fromString(SLOW_TENANT));
        var numbers = new ArrayList<List<String>>();
        var campaigns = new ArrayList<String>();
        for (int c = 0; c < 2; c++) {
            var contacts = new ArrayList<String>();
            for (int i = 0; i < 40; i++) {
                contacts.add(nextNumber());
            }
            // each campaign alone may go as fast as the whole tenant (8 calls/s)
            var campaign = createCampaign(p, 8, 1, 0);
            post(p, "/campaigns/" + campaign + "/contacts", contacts.stream().map(n -> Map.of("phone", n)).toList());
            numbers.add(contacts);
            campaigns.add(campaign);
        }
        // two dialer processes: each paces one campaign with limiters of its own, sharing only the database
        var first = new Dispatcher("instance-a", services.inAnotherInstance());
        var second = new Dispatcher("instance-b", services.inAnotherInstance());
        // a cold JVM's first provider requests wait for class loading and new connections after their grant, and
        // arrive bunched: that is start-up, not pacing (ADR 0010), so the HTTP client is warmed first
        var warm = provision();
        for (int i = 0; i < 4; i++) {
            post(warm, "/calls", Map.of("agent_id", warm.agentId(), "phone_number_id", warm.numberId(),
                    "to_number", nextNumber()));
        }
        dispatcher.stop();
        var started = Instant.now();
        try {
            for (int c = 0; c < 2; c++) {
                jdbc.update("UPDATE campaigns SET dispatcher = ?, dispatcher_until = now() + interval '1 minute' "
                        + "WHERE id = ?::uuid", c == 0 ? "instance-a" : "instance-b", campaigns.get(c));
                post(p, "/campaigns/" + campaigns.get(c) + "/start", Map.of());
            }
            first.start();
            second.start();
            var all = numbers.stream().flatMap(List::stream).toList();
            await().atMost(Duration.ofSeconds(60)).until(() -> all.stream().allMatch(n -> WITNESS.placedTo(n)
                    .size() == 1));
            assertThat(first.pacing()).contains(UUID.fromString(campaigns.get(0)))
                    .doesNotContain(UUID.fromString(campaigns.get(1)));
            assertThat(second.pacing()).contains(UUID.fromString(campaigns.get(1)))
                    .doesNotContain(UUID.fromString(campaigns.get(0)));
        } finally {
            first.stop();
            second.stop();
            dispatcher.start();
        }
        var arrivals = WITNESS.placedSince(started).stream()
                .filter(placed -> numbers.stream().anyMatch(list -> list.contains(placed.toNumber())))
                .map(placed -> placed.arrivedAt().toEpochMilli()).sorted().toList();
        assertThat(arrivals).hasSize(80);
        var busiest = 0;
        for (int i = 0, j = 0; j < arrivals.size(); j++) {
            while (arrivals.get(j) - arrivals.get(i) >= 1_000) {
                i++;
            }
            busiest = Math.max(busiest, j - i + 1);
        }
        var grants = jdbc.queryForList("SELECT (extract(epoch FROM granted_at) * 1000)::bigint FROM pacing_grants "
                + "WHERE pacing_key = ? AND granted_at >= ? ORDER BY granted_at", Long.class, "tenant:" + SLOW_TENANT,
                java.sql.Timestamp.from(started));
        assertThat(busiest).as("most calls reaching the provider in any sliding second; arrivals %s; grants %s",
                arrivals, grants).isLessThanOrEqualTo(8);
        campaigns.forEach(c -> post(p, "/campaigns/" + c + "/cancel", Map.of()));
    }
}
