package com.revos.voice.service;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes expired Idempotency-Keys every so often, on one daemon thread of its own. */
final class IdempotencyKeyPurge implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurge.class);

    private final ScheduledExecutorService timer;

    IdempotencyKeyPurge(IdempotentRequests requests, Duration every) {
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("idempotency-key-purge").factory());
        timer.scheduleWithFixedDelay(() -> {
            try {
                var purged = requests.purgeExpired();
                if (purged > 0) {
                    log.info("Purged {} expired Idempotency-Keys", purged);
                }
            } catch (RuntimeException e) {
                // the next round tries again; an expired key is also treated as new by the requests themselves
                log.warn("Purging expired Idempotency-Keys failed: {}", e.getMessage());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
