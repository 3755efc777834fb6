package com.revos.voice.provisioning.provider.infrastructure;

import com.revos.voice.provisioning.provider.application.ProviderException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Every outbound call of one provider goes through here: a retry (outer) around a circuit breaker (inner), with the
 * functional API (annotations and a fallback would silently disable the retry, platform.md section 6). Only
 * retryable failures (5xx, 429, timeouts) are retried or counted by the breaker; a 4xx fails at once. Both live in
 * the Spring-managed registries, so their metrics reach Prometheus ({@code resilience4j_*}).
 */
final class ResilientCalls {

    private final String provider;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final Duration openFor;

    ResilientCalls(String provider, ProviderProperties.Resilience settings, RetryRegistry retries,
                   CircuitBreakerRegistry breakers) {
        this.provider = provider;
        this.openFor = settings.openFor();
        this.retry = retries.retry(provider.toLowerCase(java.util.Locale.ROOT), RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalBiFunction(backoff(settings))
                .retryOnException(ResilientCalls::retryable)
                .failAfterMaxAttempts(false)
                .build());
        this.breaker = breakers.circuitBreaker(provider.toLowerCase(java.util.Locale.ROOT),
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(settings.slidingWindow())
                        .minimumNumberOfCalls(settings.minimumCalls())
                        .failureRateThreshold(settings.failureRateThreshold())
                        .waitDurationInOpenState(settings.openFor())
                        .recordException(ResilientCalls::retryable)
                        .build());
    }

    /** A call that is safe to repeat (reads, deletes, updates that set a value). */
    <T> T call(Supplier<T> call) {
        return run(Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call)));
    }

    void run(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }

    /**
     * A create that must not create twice: the first attempt creates; every later attempt (after a 5xx or a timeout
     * whose request may have reached the provider) first looks for what an earlier attempt created, by our unique
     * reference, and only creates when there is nothing.
     */
    <T> T create(Supplier<Optional<T>> lookup, Supplier<T> create) {
        var attempts = new AtomicInteger();
        return call(() -> attempts.getAndIncrement() == 0 ? create.get() : lookup.get().orElseGet(create));
    }

    private <T> T run(Supplier<T> decorated) {
        try {
            return decorated.get();
        } catch (CallNotPermittedException open) {
            throw ProviderException.circuitOpen(provider, openFor);
        }
    }

    private static boolean retryable(Throwable e) {
        return e instanceof ProviderException provider && provider.retryable();
    }

    /** Exponential backoff; after a 429 with Retry-After, at least that long (capped, so a request never hangs). */
    private static IntervalBiFunction<Object> backoff(ProviderProperties.Resilience settings) {
        var exponential = IntervalFunction.ofExponentialBackoff(settings.initialBackoff(), 2.0,
                settings.maxBackoff());
        return (attempt, outcome) -> {
            long wait = exponential.apply(attempt);
            if (outcome.isLeft() && outcome.getLeft() instanceof ProviderException e && e.retryAfter() != null) {
                wait = Math.max(wait, Math.min(e.retryAfter().toMillis(), settings.maxBackoff().toMillis()));
            }
            return wait;
        };
    }
}
