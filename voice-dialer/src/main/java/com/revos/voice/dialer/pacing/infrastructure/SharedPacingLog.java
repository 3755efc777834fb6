package com.revos.voice.dialer.pacing.infrastructure;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Call-start limits shared by every dialer instance (ADR 0010): a sliding log of grants per pacing key in
 * PostgreSQL, taken under a transaction-scoped advisory lock per key. A start is granted only when, for every key
 * it is under (its tenant, the provider account), fewer than {@code rate} grants lie in the last window of one
 * second plus the guard, so N replicas together never exceed one limit in any sliding second. Grants are stamped
 * with the database's clock, the one clock all instances share.
 */
final class SharedPacingLog {

    /** One limit: at most {@code rate} starts per second under {@code key}. */
    record Limit(String key, double rate) {
    }

    private static final int CLEAN_EVERY = 200;
    private static final long REFUSED = -1;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Duration window;
    private final AtomicInteger grantsSinceCleaning = new AtomicInteger();

    /**
     * @param guard added to the one-second window: the most the time from a grant to the request's arrival at the
     *        provider may vary between two calls without a sliding second at the provider holding more than the
     *        rate (costs guard / 1 s of the rate while the shared limit is the binding one)
     */
    SharedPacingLog(JdbcTemplate jdbc, TransactionTemplate transactions, Duration guard) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.window = Duration.ofSeconds(1).plus(guard);
    }

    /**
     * Blocks until one call start is granted under every limit, and commits {@code withGrant} in the same
     * transaction; when it answers false, the grant is rolled back and false returned.
     */
    boolean acquire(List<Limit> limits, BooleanSupplier withGrant) throws InterruptedException {
        var ordered = limits.stream().sorted(Comparator.comparing(Limit::key)).toList();
        while (true) {
            var waitMillis = transactions.execute(status -> {
                var wait = tryGrant(ordered);
                if (wait == 0 && !withGrant.getAsBoolean()) {
                    status.setRollbackOnly();
                    return REFUSED;
                }
                return wait;
            });
            if (waitMillis != null && waitMillis == REFUSED) {
                return false;
            }
            if (waitMillis == null || waitMillis <= 0) {
                if (grantsSinceCleaning.incrementAndGet() % CLEAN_EVERY == 0) {
                    jdbc.update("DELETE FROM pacing_grants WHERE granted_at < clock_timestamp() - interval '10 seconds'");
                }
                return true;
            }
            Thread.sleep(Math.max(1, waitMillis));
        }
    }

    /** 0 when granted (the grant rows are written); otherwise how long until the fullest window has room. */
    private Long tryGrant(List<Limit> limits) {
        var windowMillis = window.toMillis();
        long wait = 0;
        for (var limit : limits) {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext(?))", Object.class, "revos-pacing:" + limit.key());
            var capacity = Math.max(1, (int) Math.floor(limit.rate()));
            var oldestInWindow = jdbc.query("""
                    SELECT granted_at, clock_timestamp() FROM pacing_grants
                    WHERE pacing_key = ? AND granted_at > clock_timestamp() - make_interval(secs => ?)
                    ORDER BY granted_at DESC OFFSET ? LIMIT 1""", (rs, n) -> new Timestamp[] {rs.getTimestamp(1),
                    rs.getTimestamp(2)}, limit.key(), windowMillis / 1000.0, capacity - 1);
            if (!oldestInWindow.isEmpty()) {
                var row = oldestInWindow.getFirst();
                wait = Math.max(wait, row[0].getTime() + windowMillis - row[1].getTime() + 1);
            }
        }
        if (wait > 0) {
            return wait;
        }
        for (var limit : limits) {
            jdbc.update("INSERT INTO pacing_grants (pacing_key, granted_at) VALUES (?, clock_timestamp())", limit.key());
        }
        return 0L;
    }
}
