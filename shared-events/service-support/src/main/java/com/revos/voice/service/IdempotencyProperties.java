package com.revos.voice.service;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code revos.idempotency.*}.
 *
 * @param ttl how long a key is remembered: after it, the key is new again (and purged)
 * @param pendingTimeout how long a first request may stay unfinished before a retry with the same key and body may
 *                       take it over (its process died); longer than any request runs
 * @param purgeEvery how often expired keys are deleted
 */
@ConfigurationProperties("revos.idempotency")
public record IdempotencyProperties(
        @DefaultValue("24h") Duration ttl,
        @DefaultValue("2m") Duration pendingTimeout,
        @DefaultValue("1h") Duration purgeEvery) {
}
