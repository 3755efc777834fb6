package com.revos.voice.dialer.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.revos.voice.dialer.call.application.Attempts;
import com.revos.voice.dialer.call.application.Recovery;
import com.revos.voice.dialer.call.model.Attempt;
import com.revos.voice.dialer.call.model.Owner;
import com.revos.voice.dialer.call.model.ProviderResult;
import com.revos.voice.dialer.call.model.SendPacing;
import com.revos.voice.dialer.campaign.application.ContactQueue;
import com.revos.voice.dialer.dispatch.infrastructure.Dispatcher;
import com.revos.voice.events.CallEvent.CallCompleted;
import com.revos.voice.events.Topics;
import com.revos.voice.testsupport.KafkaProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class DispatchResilienceIT extends DialerIntegrationTest {

    @Autowired
    Dispatcher.Services services;
    @Autowired
    ContactQueue contacts;
    @Autowired
    Attempts attempts;
    @Autowired
    Recovery reconciler;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MeterRegistry meters;

    @Test
    void a_provider_outage_defers_calls_without_burning_attempts() {
        var p = provision();
        var campaign = createCampaign(p, 20, 2, 60);
        var numbers = List.of(nextNumber(), nextNumber(), nextNumber(), nextNumber(), nextNumber(), nextNumber());
        var outages = numbers.stream().map(n -> ELEVENLABS.stubFor(WireMock.post(urlEqualTo(OUTBOUND)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to_number", equalTo(n)))
                .willReturn(aResponse().withStatus(503).withBody("{\"detail\":{\"status\":\"system_busy\"}}"))))
                .toList();
        try {
            post(p, "/campaigns/" + campaign + "/contacts", numbers.stream().map(n -> Map.of("phone", n)).toList());
            post(p, "/campaigns/" + campaign + "/start", Map.of());

            // a 503 proves nothing: each attempt is ambiguous until the provider's list shows no such call, then
            // given back; the contact is tried again, and its attempt number never moves past 1
            await().atMost(PATIENCE).until(() -> deferred(campaign) >= numbers.size());
            assertThat(numbers).allSatisfy(n -> assertThat(attempts(campaign, n)).isLessThanOrEqualTo(1));
            assertThat(numbers).allSatisfy(n -> assertThat(contactState(campaign, n)).isIn("pending", "in_flight"));
            assertThat(jdbc.queryForObject("SELECT max(attempt) FROM calls WHERE campaign_id = ?::uuid",
                    Integer.class, campaign)).isEqualTo(1);
        } finally {
            outages.forEach(ELEVENLABS::removeStub);
        }
        // the provider is back: every contact is called, on its first attempt
        await().atMost(PATIENCE).until(() -> numbers.stream().allMatch(n -> initiated(campaign, n) == 1));
        assertThat(numbers).allSatisfy(n -> assertThat(attempts(campaign, n)).isEqualTo(1));
        var maxAttempt = jdbc.queryForObject("SELECT max(attempt) FROM calls WHERE campaign_id = ?::uuid",
                Integer.class, campaign);
        assertThat(maxAttempt).isEqualTo(1);
        post(p, "/campaigns/" + campaign + "/cancel", Map.of());
    }

    @Test
    void an_attempt_recorded_but_never_sent_before_its_instance_died_is_given_back_and_dialed_once() {
        var p = provision();
        var campaign = createCampaign(p, 20, 3, 0);
        var to = nextNumber();
        post(p, "/campaigns/" + campaign + "/contacts", List.of(Map.of("phone", to)));
        var campaignId = UUID.fromString(campaign);
        // what a dispatcher commits before its send gate; then the process dies
        var crashed = recordAttemptOfADeadInstance(p, campaignId, to);
        jdbc.update("UPDATE calls SET requested_at = ? WHERE id = ?",
                java.sql.Timestamp.from(CLOCK.instant().minus(Duration.ofHours(1))), crashed.callId());
        post(p, "/campaigns/" + campaign + "/start", Map.of());

        // recovery gives the attempt back without burning it; the contact is dialed once, on attempt 1
        await().atMost(PATIENCE).until(() -> dialsTo(to) == 1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> dialsTo(to) == 1);
        assertThat(jdbc.queryForObject("SELECT state FROM calls WHERE id = ?", String.class, crashed.callId()))
                .isEqualTo("not_placed");
        assertThat(jdbc.queryForList("SELECT attempt || ':' || state FROM calls WHERE campaign_id = ?::uuid "
                + "ORDER BY requested_at", String.class, campaign)).containsExactly("1:not_placed", "1:initiated");
        assertThat(attempts(campaign, to)).isEqualTo(1);
        post(p, "/campaigns/" + campaign + "/cancel", Map.of());
    }

    @Test
    void an_attempt_whose_sender_died_mid_request_is_found_at_the_provider_and_never_dialed_again() {
        var p = provision();
        var campaign = createCampaign(p, 20, 3, 0);
        var to = nextNumber();
        post(p, "/campaigns/" + campaign + "/contacts", List.of(Map.of("phone", to)));
        var campaignId = UUID.fromString(campaign);
        var crashed = recordAttemptOfADeadInstance(p, campaignId, to);
        // the dead instance had passed its send gate: the provider may have the call
        jdbc.update("UPDATE calls SET state = 'sending', sent_at = ? WHERE id = ?",
                java.sql.Timestamp.from(CLOCK.instant().minus(Duration.ofMinutes(1))), crashed.callId());
        // the provider received it before the instance died
        var conversation = WITNESS.placed(crashed.callId().toString(), "agent_" + p.agentId(), to).conversationId();
        post(p, "/campaigns/" + campaign + "/start", Map.of());

        await().atMost(PATIENCE).until(() -> "initiated".equals(jdbc.queryForObject(
                    "SELECT state FROM calls WHERE id = ?", String.class, crashed.callId())));
        assertThat(jdbc.queryForObject("SELECT provider_call_id FROM calls WHERE id = ?", String.class,
                crashed.callId())).isEqualTo(conversation);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> dialsTo(to) == 0);
        assertThat(attempts(campaign, to)).isEqualTo(1);
        assertThat(WITNESS.placedTo(to)).hasSize(1);
        post(p, "/campaigns/" + campaign + "/cancel", Map.of());
    }

    @Test
    void a_request_held_back_past_the_read_timeout_after_its_move_to_sending_is_never_written() {
        var p = provision();
        var campaign = createCampaign(p, 20, 3, 0);
        var to = nextNumber();
        post(p, "/campaigns/" + campaign + "/contacts", List.of(Map.of("phone", to)));
        // another instance holds the campaign, so that only this test's attempt can be sent
        jdbc.update("UPDATE campaigns SET dispatcher = 'stalled-instance', dispatcher_until = now() + interval "
                + "'1 minute' WHERE id = ?::uuid", campaign);
        post(p, "/campaigns/" + campaign + "/start", Map.of());
        var epoch = jdbc.queryForObject("SELECT lease_epoch FROM campaigns WHERE id = ?::uuid", Long.class, campaign);
        var attempt = recordAttempt(p, UUID.fromString(campaign), to, new Owner("stalled-instance", epoch));

        // the fault: the process stalls between its move to sending and the write, longer than the read timeout
        // (1.5 s here), after which recovery may judge the attempt as its sender's lost request
        var stalled = new SendPacing() {
            @Override
            public boolean await(BooleanSupplier markSending) {
                return markSending.getAsBoolean();
            }

            @Override
            public void atWire() {
                CLOCK.advance(Duration.ofMillis(1_700));
            }
        };
        ProviderResult result;
        try {
            result = attempts.dial(attempt, stalled);
        } finally {
            CLOCK.reset();
        }

        assertThat(result).isInstanceOf(ProviderResult.Unavailable.class);
        assertThat(WITNESS.placedTo(to)).as("nothing reached the provider").isEmpty();
        assertThat(jdbc.queryForObject("SELECT state FROM calls WHERE id = ?", String.class, attempt.callId()))
                .isEqualTo("not_placed");
        assertThat(attempts(campaign, to)).as("the attempt given back, unburned").isZero();
        post(p, "/campaigns/" + campaign + "/cancel", Map.of());
    }

    private Attempt recordAttemptOfADeadInstance(Provisioned p, UUID campaignId, String to) {
        return recordAttempt(p, campaignId, to, new Owner("dead-instance", 1));
    }

    /** What a dispatcher commits before its send gate: the contact claimed, its attempt recorded as {@code owner}'s. */
    private Attempt recordAttempt(Provisioned p, UUID campaignId, String to, Owner owner) {
        return transactions.execute(status -> {
            var claimed = contacts.claim(campaignId, p.tenantId(), contacts.pendingZoneKeys(campaignId), 3,
                    Instant.now(), 1).getFirst();
            var attempt = new Attempt(UUID.randomUUID(), p.tenantId(), campaignId, claimed.id(), claimed.attempt(),
                    p.agentId(), p.numberId(), "+14155550100", to, "agent_" + p.agentId(), "phnum", Map.of(), 10,
                    owner);
            attempts.recordRequested(attempt);
            return attempt;
        });
    }

    @Test
    void two_dispatcher_instances_on_one_campaign_dial_every_contact_exactly_once() throws Exception {
        var p = provision();
        var campaign = createCampaign(p, 40, 3, 60);
        var numbers = new ArrayList<String>();
        for (int i = 0; i < 48; i++) { // below the campaign's 50 concurrent calls: no outcomes come in this test
            numbers.add(nextNumber());
        }
        post(p, "/campaigns/" + campaign + "/contacts", numbers.stream().map(n -> Map.of("phone", n)).toList());
        var second = new Dispatcher("second-instance", services);
        second.start();
        try {
            post(p, "/campaigns/" + campaign + "/start", Map.of());
            await().atMost(PATIENCE).until(() -> dialed(numbers) >= numbers.size());
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> {
                var counts = dialCounts();
                return numbers.stream().allMatch(n -> counts.getOrDefault(n, 0L) == 1L);
            });
        } finally {
            second.stop();
        }
        post(p, "/campaigns/" + campaign + "/cancel", Map.of());
    }

    @Test
    void concurrent_claims_from_many_instances_never_lease_a_contact_twice() throws Exception {
        var p = provision();
        var campaign = createCampaign(p, 5, 3, 60);
        var numbers = new ArrayList<Map<String, String>>();
        for (int i = 0; i < 400; i++) {
            numbers.add(Map.of("phone", nextNumber()));
        }
        post(p, "/campaigns/" + campaign + "/contacts", numbers);
        var campaignId = UUID.fromString(campaign);
        var zones = contacts.pendingZoneKeys(campaignId);
        var claimed = new ConcurrentLinkedQueue<UUID>();
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (int t = 0; t < 4; t++) {
                pool.submit(() -> {
                    start.await();
                    while (true) {
                        var batch = transactions.execute(status ->
                                contacts.claim(campaignId, p.tenantId(), zones, 3, Instant.now(), 7));
                        if (batch.isEmpty()) {
                            return null;
                        }
                        batch.forEach(c -> claimed.add(c.id()));
                    }
                });
            }
            start.countDown();
        }
        assertThat(claimed).hasSize(400);
        assertThat(new HashSet<>(claimed)).hasSize(400);
    }

    @Test
    void a_lost_webhook_is_reconciled_from_the_providers_conversation_and_billed_in_usd() {
        var p = provision();
        var to = nextNumber();
        var call = post(p, "/calls", Map.of("agent_id", p.agentId(), "phone_number_id", p.numberId(), "to_number", to))
                .body();
        var callId = call.get("id").asText();
        var conversation = call.get("provider_call_id").asText();
        var stub = ELEVENLABS.stubFor(WireMock.get(urlPathEqualTo("/v1/convai/conversations/" + conversation))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"conversation_id": "%s", "status": "done",
                         "metadata": {"call_duration_secs": 33, "cost": 412, "cost_fiat": 0.07,
                                      "termination_reason": "ended"},
                         "analysis": {"call_successful": "success", "transcript_summary": "Booked a demo."}}"""
                        .formatted(conversation))));
        try (var probe = KafkaProbe.on(Topics.CALLS)) {
            jdbc.update("UPDATE calls SET reconcile_after = ? WHERE id = ?::uuid",
                    java.sql.Timestamp.from(CLOCK.instant().minusSeconds(1)), callId);
            reconciler.reconcile();

            assertThat(get(p, "/calls/" + callId).body().get("outcome").asText()).isEqualTo("connected");
            assertThat(jdbc.queryForObject("SELECT billable_seconds FROM usage_ledger WHERE call_id = ?::uuid",
                    Integer.class, callId)).isEqualTo(33);
            assertThat(jdbc.queryForObject("SELECT cost FROM usage_ledger WHERE call_id = ?::uuid",
                    java.math.BigDecimal.class, callId)).isEqualByComparingTo("0.07");
            var shown = get(p, "/calls/" + callId).body();
            assertThat(shown.get("cost_credits").decimalValue()).isEqualByComparingTo("412");
            assertThat(shown.get("summary").asText()).isEqualTo("Booked a demo.");
            var completed = await().atMost(PATIENCE).until(() -> probe.envelopes(
                    e -> callId.equals(e.subject()) && e.type().equals("revos.voice.call.completed.v1")),
                    list -> !list.isEmpty());
            assertThat(completed).hasSize(1);
            var event = (CallCompleted) completed.getFirst().event();
            assertThat(event.provenance().sources()).containsExactly("elevenlabs.reconciliation");
            assertThat(event.billing().cost()).isEqualByComparingTo("0.07");
            assertThat(event.billing().costCredits()).isEqualByComparingTo("412");
            assertThat(event.tenantId()).isEqualTo(p.tenantId());
        } finally {
            ELEVENLABS.removeStub(stub);
        }
    }

    private int deferred(String campaign) {
        return jdbc.queryForObject("SELECT count(*) FROM calls WHERE campaign_id = ?::uuid AND state = 'not_placed'",
                Integer.class, campaign);
    }

    private int initiated(String campaign, String phone) {
        return jdbc.queryForObject("SELECT count(*) FROM calls WHERE campaign_id = ?::uuid AND to_number = ? "
                + "AND state = 'initiated'", Integer.class, campaign, phone);
    }
}
