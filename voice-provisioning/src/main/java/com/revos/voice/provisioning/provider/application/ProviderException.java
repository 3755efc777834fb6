package com.revos.voice.provisioning.provider.application;

import org.jspecify.annotations.Nullable;
import java.time.Duration;

/**
 * A provider call that did not succeed, normalized across providers. Only {@link Kind#UNAVAILABLE} and
 * {@link Kind#RATE_LIMITED} are worth retrying: a rejection (4xx) will fail the same way again.
 * Messages never carry credentials (adapters redact them).
 */
public class ProviderException extends RuntimeException {

    public enum Kind {
        /** The provider refused the request (4xx other than 429): not retried. */
        REJECTED,
        /** A 5xx, a timeout or no answer: retried with backoff. */
        UNAVAILABLE,
        /** 429: retried after the provider's Retry-After or our backoff, whichever is longer. */
        RATE_LIMITED,
        /** Our circuit breaker is open after repeated failures: fail fast, retry after the given time. */
        CIRCUIT_OPEN
    }

    private final String provider;
    private final Kind kind;
    private final int providerStatus;
    private final @Nullable String providerCode;
    private final @Nullable Duration retryAfter;

    public ProviderException(String provider, Kind kind, int providerStatus, @Nullable String providerCode,
                             String message, @Nullable Duration retryAfter) {
        super(message);
        this.provider = provider;
        this.kind = kind;
        this.providerStatus = providerStatus;
        this.providerCode = providerCode;
        this.retryAfter = retryAfter;
    }

    public static ProviderException circuitOpen(String provider, Duration retryAfter) {
        return new ProviderException(provider, Kind.CIRCUIT_OPEN, 0, null,
                provider + " calls are paused after repeated failures; retry later", retryAfter);
    }

    public boolean retryable() {
        return kind == Kind.UNAVAILABLE || kind == Kind.RATE_LIMITED;
    }

    public String provider() {
        return provider;
    }

    public Kind kind() {
        return kind;
    }

    /** The provider's HTTP status, or 0 when it never answered. */
    public int providerStatus() {
        return providerStatus;
    }

    public @Nullable String providerCode() {
        return providerCode;
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
