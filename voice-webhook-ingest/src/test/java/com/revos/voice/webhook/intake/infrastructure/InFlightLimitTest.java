package com.revos.voice.webhook.intake.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class InFlightLimitTest {

    @Test
    void beyond_the_cap_a_webhook_is_answered_503_with_retry_after_and_the_permit_comes_back_after() throws Exception {
        var registry = new SimpleMeterRegistry();
        var limit = new InFlightLimit(1, Duration.ofSeconds(7), new IntakeMetrics(registry));
        var inside = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var first = Thread.ofVirtual().start(() -> {
            try {
                limit.doFilter(webhook(), new MockHttpServletResponse(), (request, response) -> {
                    inside.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        var refused = new MockHttpServletResponse();
        limit.doFilter(webhook(), refused, (request, response) -> {
            throw new AssertionError("must not run beyond the cap");
        });
        release.countDown();
        first.join();

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("7");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("retry later");
        assertThat(limit.available()).isEqualTo(1);
        assertThat(registry.find("revos.webhook.requests").tag("result", "over_capacity").counter()).isNotNull();
    }

    @Test
    void other_paths_are_not_counted() throws Exception {
        var limit = new InFlightLimit(0, Duration.ofSeconds(7), new IntakeMetrics(new SimpleMeterRegistry()));
        var health = new MockHttpServletRequest("GET", "/actuator/health");
        var response = new MockHttpServletResponse();
        limit.doFilter(health, response, (request, answer) -> ((jakarta.servlet.http.HttpServletResponse) answer)
                .setStatus(200));
        assertThat(response.getStatus()).isEqualTo(200);
    }

    private static MockHttpServletRequest webhook() {
        var request = new MockHttpServletRequest("POST", "/webhooks/elevenlabs/post-call");
        request.setServletPath("/webhooks/elevenlabs/post-call");
        return request;
    }
}
