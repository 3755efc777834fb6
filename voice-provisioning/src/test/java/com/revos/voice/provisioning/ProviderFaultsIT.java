package com.revos.voice.provisioning;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtEncoder;

/** ElevenLabs failing in the ways provider-apis.md section 6 lists, and how deploys ride them out. */
@ProvisioningIntegrationTest
class ProviderFaultsIT {

    private static final String CREATE = "/v1/convai/agents/create";

    @LocalServerPort
    int port;
    @Autowired
    JwtEncoder tokens;
    @Autowired
    CircuitBreakerRegistry breakers;

    private Api api;
    private UUID tenant;
    private String member;
    private String name;

    @BeforeEach
    void setUp() {
        api = new Api(port, tokens);
        ProviderStubs.reset();
        breakers.circuitBreaker("elevenlabs").reset();
        tenant = UUID.randomUUID();
        member = api.member(tenant);
        name = "Faults " + tenant;
    }

    @AfterEach
    void closeTheCircuit() {
        breakers.circuitBreaker("elevenlabs").reset();
        ProviderStubs.reset();
    }

    @Test
    void two_server_errors_then_success_deploy_exactly_one_agent() {
        stubCreate(Scenario.STARTED, "second", aResponse().withStatus(500).withBody("{\"detail\": \"boom\"}"));
        stubCreate("second", "third", aResponse().withStatus(503));
        stubCreate("third", "done", okJson("{\"agent_id\": \"agent_after_retries\"}"));

        var deployed = deploy();

        assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
        assertThat(deployed.text("$.provider_agent_id")).isEqualTo("agent_after_retries");
        var wiremock = ProviderStubs.server();
        wiremock.verify(3, creates());
        // before each re-create, the retry looked for an agent the failed attempt might have made
        wiremock.verify(2, getRequestedFor(urlPathEqualTo("/v1/convai/agents")).withQueryParam("search", equalTo(name)));
        assertThat(api.get(member, "/v1/tenants/" + tenant + "/agents").<Integer>json("$.total")).isEqualTo(1);
    }

    @Test
    void a_create_that_timed_out_is_found_instead_of_created_twice() {
        stubCreate(Scenario.STARTED, "answered", okJson("{\"agent_id\": \"agent_too_late\"}")
                .withFixedDelay(6000));
        ProviderStubs.server().stubFor(get(urlPathEqualTo("/v1/convai/agents")).atPriority(1)
                .willReturn(aResponse().withTransformers(ProviderStubs.AgentsCreatedSoFar.NAME)));

        var deployed = deploy();

        assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
        assertThat(deployed.text("$.provider_agent_id")).isEqualTo("agent_created_before_timeout");
        ProviderStubs.server().verify(1, creates());
    }

    @Test
    void rate_limiting_is_waited_out_before_the_retry() {
        stubCreate(Scenario.STARTED, "allowed", aResponse().withStatus(429).withHeader("Retry-After", "1")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"detail\": {\"code\": \"rate_limit_exceeded\", \"message\": \"Too many requests\"}}"));
        stubCreate("allowed", "done", okJson("{\"agent_id\": \"agent_after_429\"}"));

        var deployed = deploy();

        assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
        var attempts = ProviderStubs.server().findAll(creates());
        assertThat(attempts).hasSize(2);
        var waited = Duration.between(attempts.get(0).getLoggedDate().toInstant(),
                attempts.get(1).getLoggedDate().toInstant());
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void a_validation_error_is_reported_with_the_providers_message_and_not_retried() {
        ProviderStubs.server().stubFor(post(urlPathEqualTo(CREATE)).atPriority(1).willReturn(aResponse()
                .withStatus(422).withHeader("Content-Type", "application/json").withBody("""
                        {"detail": [{"loc": ["body", "conversation_config", "tts", "voice_id"],
                                     "msg": "Voice not found", "type": "value_error"}]}""")));

        var deployed = deploy();

        assertThat(deployed.status()).isEqualTo(502);
        assertThat(deployed.contentType()).startsWith("application/problem+json");
        assertThat(deployed.<Integer>json("$.provider_status")).isEqualTo(422);
        assertThat(deployed.text("$.provider_code")).isEqualTo("validation_error");
        assertThat(deployed.text("$.detail")).contains("Voice not found").doesNotContain(ProviderStubs.ELEVENLABS_KEY);
        ProviderStubs.server().verify(1, creates());
    }

    @Test
    void a_provider_that_keeps_failing_opens_the_circuit_and_deploys_fail_fast() {
        ProviderStubs.server().stubFor(post(urlPathEqualTo(CREATE)).atPriority(1)
                .willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 4; i++) {
            assertThat(deploy().status()).isIn(502, 503);
        }
        var before = ProviderStubs.server().findAll(creates()).size();

        var started = System.nanoTime();
        var refused = deploy();

        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(refused.retryAfter()).isNotNull();
        assertThat(Long.parseLong(refused.retryAfter())).isPositive();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(ProviderStubs.server().findAll(creates())).hasSize(before);
        var metrics = api.get(null, "/actuator/prometheus").body();
        assertThat(metrics).contains("resilience4j_circuitbreaker_state{", "name=\"elevenlabs\"",
                "resilience4j_retry_calls");
    }

    private Api.Response deploy() {
        return api.post(member, "/v1/tenants/" + tenant + "/agents",
                "{\"template_id\": \"sales-qualification\", \"name\": \"" + name + "\"}");
    }

    /** This test's creates only: a delayed answer from an earlier test may still land in the journal. */
    private RequestPatternBuilder creates() {
        return postRequestedFor(urlPathEqualTo(CREATE)).withRequestBody(matchingJsonPath("$.name", equalTo(name)));
    }

    private static void stubCreate(String state, String next,
                                   com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        ProviderStubs.server().stubFor(post(urlPathEqualTo(CREATE)).atPriority(1).inScenario("create")
                .whenScenarioStateIs(state).willSetStateTo(next).willReturn(response));
    }
}
