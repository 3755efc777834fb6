package com.revos.voice.optimizer.policy.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.optimizer.it.Api;
import com.revos.voice.optimizer.it.OptimizerIntegrationTest;
import com.revos.voice.service.LocalTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtEncoder;

@OptimizerIntegrationTest
class PolicyApiIT {

    private static final String POLICY = """
            {"window_size": 300, "window_minutes": 20, "hysteresis": 0.04, "scale_factor": 2.0, "retime_hours": 5,
             "stop_loss": {"threshold": 0.25, "minimum_sample": 40, "cooldown_seconds": 300, "mode": "automatic",
                           "error_rate": 0.001, "minimum_effect": 0.1},
             "retime": {"threshold": 0.2, "minimum_sample": 60, "cooldown_seconds": 900, "mode": "recommend",
                        "error_rate": 0.01, "minimum_effect": 0.05},
             "script_change": {"threshold": 0.1, "minimum_sample": 30, "cooldown_seconds": 3600, "mode": "recommend",
                               "error_rate": 0.05, "minimum_effect": 0.05},
             "scale_up": {"threshold": 0.35, "minimum_sample": 80, "cooldown_seconds": 600, "mode": "automatic",
                          "error_rate": 0.05, "minimum_effect": 0.1}}
            """;

    @Autowired
    JwtEncoder jwt;
    @Autowired
    CachedPolicies cache;
    @LocalServerPort
    int port;

    private final UUID tenant = UUID.randomUUID();

    private String path() {
        return "/v1/tenants/" + tenant + "/optimizer-policy";
    }

    private String member() {
        return LocalTokens.tenantMember(jwt, "ops@tenant", tenant);
    }

    @Test
    void a_tenant_without_a_policy_runs_on_the_seeds_defaults() {
        var response = new Api(port).get(path(), member());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("stop_loss").get("threshold").asDouble()).isEqualTo(0.30);
        assertThat(response.body().get("retime").get("threshold").asDouble()).isEqualTo(0.20);
        assertThat(response.body().get("script_change").get("threshold").asDouble()).isEqualTo(0.15);
        assertThat(response.body().get("scale_up").get("mode").asText()).isEqualTo("recommend");
        assertThat(response.body().get("window_size").asInt()).isEqualTo(200);
        assertThat(response.body().get("retime_hours").asInt()).isEqualTo(6);
        assertThat(response.body().get("stop_loss").get("error_rate").asDouble()).isEqualTo(0.01);
        assertThat(response.body().get("stop_loss").get("minimum_effect").asDouble()).isEqualTo(0.10);
        assertThat(response.body().get("stop_loss").get("mode").asText()).isEqualTo("automatic");
        assertThat(response.body().get("scale_up").get("error_rate").asDouble()).isEqualTo(0.05);
    }

    @Test
    void a_policy_round_trips_and_reaches_the_rules_at_once() {
        var api = new Api(port);
        cache.policyOf(tenant);

        var put = api.put(path(), member(), POLICY);
        var get = api.get(path(), member());

        assertThat(put.status()).isEqualTo(200);
        assertThat(get.body()).isEqualTo(put.body());
        assertThat(get.body().get("scale_up").get("mode").asText()).isEqualTo("automatic");
        assertThat(get.body().get("retime").get("cooldown_seconds").asLong()).isEqualTo(900);
        assertThat(cache.policyOf(tenant).stopLoss().threshold()).isEqualTo(0.25);
        assertThat(cache.policyOf(tenant).stopLoss().errorRate()).isEqualTo(0.001);
        assertThat(cache.policyOf(tenant).retimeHours()).isEqualTo(5);
    }

    @Test
    void invalid_settings_are_a_400_problem_naming_each_field() {
        var response = new Api(port).put(path(), member(), POLICY
                .replace("\"threshold\": 0.25", "\"threshold\": 1.5")
                .replace("\"cooldown_seconds\": 3600, \"mode\": \"recommend\"",
                        "\"cooldown_seconds\": 3600, \"mode\": \"sometimes\"")
                .replace("\"error_rate\": 0.001", "\"error_rate\": 0.7")
                .replace("\"minimum_effect\": 0.05}", "\"minimum_effect\": 0}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("errors").findValuesAsText("field"))
                .contains("stop_loss.threshold", "script_change.mode", "stop_loss.error_rate",
                        "script_change.minimum_effect");
        assertThat(response.body().get("errors").findValuesAsText("reason"))
                .anyMatch(reason -> reason.contains("false decision within 10,000 calls"));
    }

    @Test
    void missing_settings_are_named_too() {
        var response = new Api(port).put(path(), member(), "{\"window_size\": 100}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors").findValuesAsText("field"))
                .contains("window_minutes", "stop_loss", "stop_loss.threshold");
    }

    @Test
    void other_tenants_and_anonymous_callers_get_nothing() {
        var api = new Api(port);
        var stranger = LocalTokens.tenantMember(jwt, "stranger", UUID.randomUUID());

        assertThat(api.get(path(), stranger).status()).isEqualTo(404);
        assertThat(api.put(path(), stranger, POLICY).status()).isEqualTo(404);
        assertThat(api.get(path(), null).status()).isEqualTo(401);
    }
}
