package com.revos.voice.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.testsupport.RevosIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.context.TestPropertySource;

/**
 * The production shape (ADR 0016): metrics and health on a management port of their own, which the gateway does not
 * route; the application port serves neither. Health details only for the operator; no other actuator endpoint.
 */
@RevosIntegrationTest
@TestPropertySource(properties = "management.server.port=0")
class OperationalEndpointsIT {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    JwtEncoder tokens;

    @Test
    void the_application_port_the_gateway_routes_serves_no_metrics_and_no_health() {
        var gateway = new Http(port);

        assertThat(gateway.get("/actuator/prometheus", null).status()).isEqualTo(404);
        assertThat(gateway.get("/actuator/prometheus", LocalTokens.operator(tokens, "op")).status()).isEqualTo(404);
        assertThat(gateway.get("/actuator/health", null).status()).isEqualTo(404);
    }

    @Test
    void the_management_port_serves_metrics_and_health_without_details_for_anonymous_callers() {
        var management = new Http(managementPort);

        assertThat(management.get("/actuator/prometheus", null).body()).contains("jvm_memory_used_bytes");
        var health = management.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"").doesNotContain("components").doesNotContain("db");
    }

    @Test
    void health_details_are_for_the_operator_only() {
        var management = new Http(managementPort);
        var tenant = UUID.randomUUID();

        assertThat(management.get("/actuator/health", LocalTokens.tenantMember(tokens, "ann", tenant)).body())
                .doesNotContain("components");
        assertThat(management.get("/actuator/health", LocalTokens.operator(tokens, "op")).body())
                .contains("components").contains("db");
    }

    @Test
    void no_other_actuator_endpoint_is_served_on_either_port() {
        for (var path : new String[] {"/actuator/env", "/actuator/configprops", "/actuator/heapdump",
                "/actuator/beans", "/actuator/loggers"}) {
            assertThat(new Http(managementPort).get(path, LocalTokens.operator(tokens, "op")).status())
                    .as(path).isIn(401, 403, 404);
            assertThat(new Http(port).get(path, LocalTokens.operator(tokens, "op")).status())
                    .as(path).isIn(401, 403, 404);
        }
    }
}
