package com.revos.voice.provisioning.provider.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.revos.voice.provisioning.provider.application.ProviderException;
import com.revos.voice.provisioning.provider.application.ProviderException.Kind;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResilientCallsTest {

    private final ProviderProperties.Resilience settings = new ProviderProperties.Resilience(3, Duration.ofMillis(1),
            Duration.ofMillis(5), 50, 4, 4, Duration.ofSeconds(30));
    private final ResilientCalls calls = new ResilientCalls("Acme", settings, RetryRegistry.ofDefaults(),
            CircuitBreakerRegistry.ofDefaults());

    @Test
    void server_errors_are_retried_until_the_call_succeeds() {
        var attempts = new AtomicInteger();

        var answer = calls.call(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw failure(Kind.UNAVAILABLE, 503);
            }
            return "ok";
        });

        assertThat(answer).isEqualTo("ok");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void rejections_are_never_retried() {
        var attempts = new AtomicInteger();

        assertThatThrownBy(() -> calls.call(() -> {
            attempts.incrementAndGet();
            throw failure(Kind.REJECTED, 422);
        })).isInstanceOf(ProviderException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void a_retried_create_looks_for_what_the_failed_attempt_made_before_creating_again() {
        var creates = new AtomicInteger();
        var lookups = new AtomicInteger();

        var created = calls.create(() -> {
            lookups.incrementAndGet();
            return Optional.of("made-by-first-attempt");
        }, () -> {
            creates.incrementAndGet();
            throw failure(Kind.UNAVAILABLE, 0);
        });

        assertThat(created).isEqualTo("made-by-first-attempt");
        assertThat(creates).hasValue(1);
        assertThat(lookups).hasValue(1);
    }

    @Test
    void repeated_failures_open_the_circuit_and_later_calls_fail_fast_with_a_retry_after() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> calls.call(() -> {
                throw failure(Kind.UNAVAILABLE, 500);
            })).isInstanceOf(ProviderException.class);
        }
        var attempts = new AtomicInteger();

        assertThatThrownBy(() -> calls.call(attempts::incrementAndGet))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.CIRCUIT_OPEN);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
                });
        assertThat(attempts).hasValue(0);
    }

    @Test
    void provider_messages_never_carry_the_credentials() {
        var errors = new ProviderErrors("Acme", "secret-key-123");

        var error = errors.status(401, "invalid_api_key", "key secret-key-123 is invalid", null);

        assertThat(error.getMessage()).doesNotContain("secret-key-123").contains("***");
        assertThat(error.kind()).isEqualTo(Kind.REJECTED);
    }

    private static ProviderException failure(Kind kind, int status) {
        return new ProviderException("Acme", kind, status, null, "failed", null);
    }
}
