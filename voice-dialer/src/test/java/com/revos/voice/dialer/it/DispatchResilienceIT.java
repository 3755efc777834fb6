package com.revos.voice.dialer.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.revos.voice.dialer.call.infrastructure.Attempt;
import com.revos.voice.dialer.call.infrastructure.Attempts;
import com.revos.voice.dialer.call.infrastructure.Reconciler;
import com.revos.voice.dialer.campaign.infrastructure.ContactStore;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class DispatchResilienceIT extends DialerIntegrationTest {

    @Autowired
    Dispatcher.Services services;
    @Autowired
    ContactStore contacts;
    @Autowired
    Attempts attempts;
    @Autowired
    Reconciler reconciler;
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

            await().atMost(PATIENCE).until(() -> deferred(campaign) >= numbers.size());
            assertThat(numbers).allSatisfy(n -> assertThat(attempts(campaign, n)).isZero());
            assertThat(numbers).allSatisfy(n -> assertThat(contactState(campaign, n)).isIn("pending", "in_flight"));
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
    void an_attempt_recorded_before_a_crash_is_never_dialed_again_and_counts_as_made() {
        var p = provision();
        var campaign = createCampaign(p, 20, 3, 0);
        var to = nextNumber();
        post(p, "/campaigns/" + campaign + "/contacts", List.of(Map.of("phone", to)));
        var campaignId = UUID.fromString(campaign);
        // what a dispatcher commits just before calling the provider; then the process dies
        var crashed = transactions.execute(status -> {
            var claimed = contacts.claim(campaignId, p.tenantId(), contacts.pendingZoneKeys(campaignId), 3,
                    Instant.now(), 1).getFirst();
            var attempt = new Attempt(UUID.randomUUID(), p.tenantId(), campaignId, claimed.id(), claimed.attempt(),
                    p.agentId(), p.numberId(), to, "agent_" + p.agentId(), "phnum", Map.of());
            attempts.recordRequested(attempt);
            return attempt;
        });
        jdbc.update("UPDATE calls SET requested_at = now() - interval '1 hour' WHERE id = ?", crashed.callId());
        post(p, "/campaigns/" + campaign + "/start", Map.of());

        reconciler.reconcile(); // on restart
        assertThat(jdbc.queryForObject("SELECT state FROM calls WHERE id = ?", String.class, crashed.callId()))
                .isEqualTo("unknown");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> dialsTo(to) == 0);

        // no outcome ever comes for it: after the outcome timeout it counts as a failed attempt and the contact's
        // next attempt (number 2) is dialed, once
        var failed = meters.counter("revos.dialer.call.outcomes", "outcome", "failed").count();
        jdbc.update("UPDATE calls SET reconcile_after = now() - interval '1 second' WHERE id = ?", crashed.callId());
        reconciler.reconcile();
        assertThat(meters.counter("revos.dialer.call.outcomes", "outcome", "failed").count() - failed).isEqualTo(1);
        await().atMost(PATIENCE).until(() -> dialsTo(to) == 1);
        assertThat(jdbc.queryForList("SELECT attempt FROM calls WHERE campaign_id = ?::uuid ORDER BY attempt",
                Integer.class, campaign)).containsExactly(1, 2);
        assertThat(jdbc.queryForObject("SELECT state FROM calls WHERE id = ?", String.class, crashed.callId()))
                .isEqualTo("failed");
        post(p, "/campaigns/" + campaign + "/cancel", Map.of());
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
    void a_lost_webhook_is_reconciled_from_the_providers_conversation() {
        var p = provision();
        var to = nextNumber();
        var call = post(p, "/calls", Map.of("agent_id", p.agentId(), "phone_number_id", p.numberId(), "to_number", to))
                .body();
        var callId = call.get("id").asText();
        var conversation = call.get("provider_call_id").asText();
        var stub = ELEVENLABS.stubFor(WireMock.get(urlPathEqualTo("/v1/convai/conversations/" + conversation))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"conversation_id": "%s", "status": "done",
                         "metadata": {"call_duration_secs": 33, "cost": 0.07, "termination_reason": "ended"},
                         "analysis": {"call_successful": "success"}}""".formatted(conversation))));
        try (var probe = KafkaProbe.on(Topics.CALLS)) {
            jdbc.update("UPDATE calls SET reconcile_after = now() - interval '1 second' WHERE id = ?::uuid", callId);
            reconciler.reconcile();

            assertThat(get(p, "/calls/" + callId).body().get("outcome").asText()).isEqualTo("connected");
            assertThat(jdbc.queryForObject("SELECT billable_seconds FROM usage_ledger WHERE call_id = ?::uuid",
                    Integer.class, callId)).isEqualTo(33);
            var completed = await().atMost(PATIENCE).until(() -> probe.envelopes(
                    e -> callId.equals(e.subject()) && e.type().equals("revos.voice.call.completed.v1")),
                    list -> !list.isEmpty());
            assertThat(((CallCompleted) completed.getFirst().event()).sources()).containsExactly("reconciliation");
        } finally {
            ELEVENLABS.removeStub(stub);
        }
    }

    private int deferred(String campaign) {
        return jdbc.queryForObject("SELECT count(*) FROM calls WHERE campaign_id = ?::uuid AND state = 'deferred'",
                Integer.class, campaign);
    }

    private int initiated(String campaign, String phone) {
        return jdbc.queryForObject("SELECT count(*) FROM calls WHERE campaign_id = ?::uuid AND to_number = ? "
                + "AND state = 'initiated'", Integer.class, campaign, phone);
    }
}
