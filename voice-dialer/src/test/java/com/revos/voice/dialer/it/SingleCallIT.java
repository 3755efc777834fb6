package com.revos.voice.dialer.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.revos.voice.events.CallOutcome;
import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.EventSchemas;
import com.revos.voice.events.ProvisioningEvent;
import com.revos.voice.events.Topics;
import com.revos.voice.testsupport.KafkaProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SingleCallIT extends DialerIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void a_single_call_is_recorded_placed_with_only_our_call_id_and_attempt_as_dynamic_variables_and_announced() {
        var p = provision();
        var to = nextNumber();
        try (var probe = KafkaProbe.on(Topics.CALLS)) {
            var response = post(p, "/calls", Map.of("agent_id", p.agentId(), "phone_number_id", p.numberId(),
                    "to_number", to, "dynamic_variables", Map.of("customer_name", "Ann")));

            assertThat(response.status()).isEqualTo(201);
            var callId = response.body().get("id").asText();
            assertThat(response.body().get("state").asText()).isEqualTo("initiated");
            assertThat(response.body().get("provider_call_id").asText()).startsWith("conv_");
            ELEVENLABS.verify(1, postRequestedFor(urlEqualTo(OUTBOUND))
                    .withHeader("xi-api-key", equalTo("local-elevenlabs-key"))
                    .withRequestBody(matchingJsonPath("$.to_number", equalTo(to)))
                    .withRequestBody(matchingJsonPath("$.agent_id", equalTo("agent_" + p.agentId())))
                    .withRequestBody(matchingJsonPath("$.conversation_initiation_client_data.dynamic_variables.call_id",
                            equalTo(callId)))
                    .withRequestBody(matchingJsonPath(
                            "$.conversation_initiation_client_data.dynamic_variables.attempt", equalTo("1")))
                    .withRequestBody(matchingJsonPath(
                            "$.conversation_initiation_client_data.dynamic_variables.customer_name", equalTo("Ann"))));

            var events = await().atMost(PATIENCE).until(() -> probe.envelopes(e -> callId.equals(e.subject())),
                    list -> list.size() >= 2);
            assertThat(events).extracting(EventEnvelope::type)
                    .containsExactly("revos.voice.call.requested.v1", "revos.voice.call.initiated.v1");
            events.forEach(e -> assertThat(EventSchemas.violations(e)).isEmpty());
        }
    }

    @Test
    void a_retried_request_with_the_same_idempotency_key_never_dials_twice() {
        var p = provision();
        var to = nextNumber();
        var body = Map.of("agent_id", p.agentId(), "phone_number_id", p.numberId(), "to_number", to);
        var key = UUID.randomUUID().toString();

        var first = postWithKey(p, "/calls", body, key);
        var second = postWithKey(p, "/calls", body, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body().get("id")).isEqualTo(first.body().get("id"));
        assertThat(dialsTo(to)).isEqualTo(1);
    }

    @Test
    void agents_and_numbers_the_tenant_does_not_own_or_has_not_attached_are_refused() {
        var p = provision();
        var other = provision();
        var to = nextNumber();

        var foreignAgent = post(p, "/calls", Map.of("agent_id", other.agentId(), "phone_number_id", p.numberId(),
                "to_number", to));
        assertThat(foreignAgent.status()).isEqualTo(404);

        var bare = UUID.randomUUID();
        publish(new ProvisioningEvent.NumberAssigned(bare, p.tenantId(), "+14155550111", "US", "PN2", false,
                Instant.now()));
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("SELECT count(*) FROM numbers WHERE id = ?",
                Integer.class, bare) == 1);
        var notAttached = post(p, "/calls", Map.of("agent_id", p.agentId(), "phone_number_id", bare, "to_number", to));
        assertThat(notAttached.status()).isEqualTo(409);
        assertThat(notAttached.body().get("title").asText()).isEqualTo("Conflict");

        var badNumber = post(p, "/calls", Map.of("agent_id", p.agentId(), "phone_number_id", p.numberId(),
                "to_number", "555-1234"));
        assertThat(badNumber.status()).isEqualTo(400);
        assertThat(dialsTo(to)).isZero();
    }

    @Test
    void a_suppressed_number_is_not_called_until_it_is_taken_off_the_list() {
        var p = provision();
        var to = nextNumber();
        var call = Map.of("agent_id", p.agentId(), "phone_number_id", p.numberId(), "to_number", to);
        assertThat(post(p, "/suppressions", Map.of("phone", to, "reason", "opt-out")).status()).isEqualTo(201);
        assertThat(get(p, "/suppressions").body().get("total").asLong()).isEqualTo(1);

        var refused = post(p, "/calls", call);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(dialsTo(to)).isZero();

        assertThat(delete(p, "/suppressions?phone=" + URLEncoder.encode(to, StandardCharsets.UTF_8)).status())
                .isEqualTo(204);
        assertThat(get(p, "/suppressions").body().get("total").asLong()).isZero();
        assertThat(post(p, "/calls", call).status()).isEqualTo(201);
        assertThat(dialsTo(to)).isEqualTo(1);
    }

    @Test
    void an_outcome_delivered_again_moves_the_outcome_and_usage_counters_once() {
        var p = provision();
        var call = post(p, "/calls", Map.of("agent_id", p.agentId(), "phone_number_id", p.numberId(),
                "to_number", nextNumber())).body();
        var voicemails = count("revos.dialer.call.outcomes", "outcome", "voicemail");
        var seconds = count("revos.dialer.usage.billable.seconds");
        var cost = count("revos.dialer.usage.cost");

        var outcome = completion(p, call, CallOutcome.VOICEMAIL, 17, "0.05");
        var first = publish(outcome);
        send(first); // redelivered as it is
        var again = publish(outcome); // the same outcome in an event of its own, as when the provider retries
        // one call, one partition: once the last is applied, so are the others
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("SELECT count(*) FROM processed_events "
                + "WHERE consumer_group = 'voice-dialer-reports' AND event_id = ?", Integer.class, again.id()) == 1);

        assertThat(count("revos.dialer.call.outcomes", "outcome", "voicemail") - voicemails).isEqualTo(1);
        assertThat(count("revos.dialer.usage.billable.seconds") - seconds).isEqualTo(17);
        assertThat(count("revos.dialer.usage.cost") - cost).isCloseTo(0.05, within(1e-9));
    }

    @Test
    void a_call_the_provider_refuses_counts_once_as_failed() {
        var p = provision();
        var to = nextNumber();
        var refusal = ELEVENLABS.stubFor(WireMock.post(urlEqualTo(OUTBOUND)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to_number", equalTo(to)))
                .willReturn(aResponse().withStatus(400).withBody("{\"detail\":\"invalid to_number\"}")));
        try {
            var failed = count("revos.dialer.call.outcomes", "outcome", "failed");

            var call = post(p, "/calls", Map.of("agent_id", p.agentId(), "phone_number_id", p.numberId(),
                    "to_number", to));

            assertThat(call.body().get("state").asText()).isEqualTo("failed");
            assertThat(count("revos.dialer.call.outcomes", "outcome", "failed") - failed).isEqualTo(1);
        } finally {
            ELEVENLABS.removeStub(refusal);
        }
    }

    @Test
    void dialing_metrics_and_the_circuit_breaker_state_are_exported() {
        var p = provision();
        post(p, "/calls", Map.of("agent_id", p.agentId(), "phone_number_id", p.numberId(), "to_number", nextNumber()));
        var metrics = org.springframework.web.client.RestClient.create("http://localhost:" + port)
                .get().uri("/actuator/prometheus").retrieve().body(String.class);
        assertThat(metrics).contains("revos_dialer_calls_placed_total", "revos_dialer_calls_in_flight",
                "resilience4j_circuitbreaker_state", "revos_dialer_call_outcomes_total", "outcome=\"no_answer\"",
                "revos_dialer_usage_billable_seconds_total", "revos_dialer_usage_cost_total");
    }

    private double count(String name, String... tags) {
        return meters.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }
}
