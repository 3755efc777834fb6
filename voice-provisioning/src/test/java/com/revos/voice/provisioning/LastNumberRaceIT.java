package com.revos.voice.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtEncoder;

@ProvisioningIntegrationTest
class LastNumberRaceIT {

    private static final int TENANTS = 12;

    @LocalServerPort
    int port;
    @Autowired
    JwtEncoder tokens;

    @Test
    void many_tenants_racing_for_the_last_free_number_leave_exactly_one_winner() throws Exception {
        var api = new Api(port, tokens);
        var last = TestNumbers.e164("907");
        assertThat(api.post(api.operator(), "/v1/admin/phone-pool", """
                {"numbers": [{"e164": "%s", "twilio_sid": "%s"}]}""".formatted(last, TestNumbers.sid())).status())
                .isEqualTo(201);
        var start = new CountDownLatch(1);
        var answers = new ArrayList<Future<Api.Response>>();
        try (var pool = Executors.newFixedThreadPool(TENANTS)) {
            for (int i = 0; i < TENANTS; i++) {
                var tenant = UUID.randomUUID();
                var token = api.member(tenant);
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.post(token, "/v1/tenants/" + tenant + "/phone-numbers", "{\"area_code\": \"907\"}");
                }));
            }
            start.countDown();
        }
        var responses = new ArrayList<Api.Response>();
        for (var answer : answers) {
            responses.add(answer.get());
        }

        var winners = responses.stream().filter(response -> response.status() == 201).toList();
        assertThat(winners).hasSize(1);
        assertThat(winners.getFirst().text("$.e164")).isEqualTo(last);
        var losers = responses.stream().filter(response -> response.status() != 201).toList();
        assertThat(losers).hasSize(TENANTS - 1).allSatisfy(response -> {
            assertThat(response.status()).as(response.toString()).isEqualTo(409);
            assertThat(response.text("$.title")).isEqualTo("No free number");
        });
        var pool = api.get(api.operator(), "/v1/admin/phone-pool?limit=500");
        List<String> assignedTenants = pool.json("$.items[?(@.e164 == '" + last + "')].tenant_id");
        assertThat(assignedTenants).containsExactly(winners.getFirst().text("$.tenant_id"));
    }
}
