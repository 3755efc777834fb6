package com.revos.voice.dialer.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.EventSchemas;
import com.revos.voice.events.ProvisioningEvent;
import com.revos.voice.events.Topics;
import com.revos.voice.testsupport.KafkaProbe;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SingleCallIT extends DialerIntegrationTest {

    @Test
    void a_single_call_is_recorded_placed_with_our_ids_as_dynamic_variables_and_announced() {
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
                            "$.conversation_initiation_client_data.dynamic_variables.tenant_id",
                            equalTo(p.tenantId().toString())))
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
    void a_suppressed_number_is_never_called() {
        var p = provision();
        var to = nextNumber();
        assertThat(post(p, "/suppressions", Map.of("phone", to, "reason", "opt-out")).status()).isEqualTo(201);
        assertThat(get(p, "/suppressions").body().get("total").asLong()).isEqualTo(1);

        var refused = post(p, "/calls", Map.of("agent_id", p.agentId(), "phone_number_id", p.numberId(),
                "to_number", to));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(dialsTo(to)).isZero();
    }

    @Test
    void dialing_metrics_and_the_circuit_breaker_state_are_exported() {
        var p = provision();
        post(p, "/calls", Map.of("agent_id", p.agentId(), "phone_number_id", p.numberId(), "to_number", nextNumber()));
        var metrics = org.springframework.web.client.RestClient.create("http://localhost:" + port)
                .get().uri("/actuator/prometheus").retrieve().body(String.class);
        assertThat(metrics).contains("revos_dialer_calls_placed_total", "revos_dialer_calls_in_flight",
                "resilience4j_circuitbreaker_state");
    }
}
