package com.revos.voice.dialer.pacing.infrastructure;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Call-start limits shared by every dialer instance (ADR 0010): a sliding log of grants per pacing key in
 * PostgreSQL, taken under a transaction-scoped advisory lock per key. Starts are granted only while, for every key
 * they are under (their tenant, the provider account), fewer than {@code rate} grants lie in the last window of one
 * second plus the guard, so N replicas together never exceed one limit in any sliding second. Grants are stamped
 * with the database's clock, the one clock all instances share.
 *
 * <p>An instance takes a few grants at once (as many as the slowest of its limits allows in one guard's time, at
 * least one) and spends them within that time, unspent ones expiring: one locked transaction per few calls rather
 * than per call, and as the batch is spent within the guard, the window still bounds what reaches the provider.
 */
final class SharedPacingLog {

    /** One limit: at most {@code rate} starts per second under {@code key}. */
    record Limit(String key, double rate) {
    }

    private static final int CLEAN_EVERY = 200;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Duration window;
    private final long batchLifetimeNanos;
    private final double guardSeconds;
    private final Map<List<String>, Batch> batches = new ConcurrentHashMap<>();
    private final AtomicInteger batchesSinceCleaning = new AtomicInteger();

    /**
     * @param guard added to the one-second window: the most the time from a grant to the request's arrival at the
     *        provider may vary between two calls without a sliding second at the provider holding more than the
     *        rate (costs guard / 1 s of the rate while the shared limit is the binding one); batches live this long
     */
    SharedPacingLog(JdbcTemplate jdbc, TransactionTemplate transactions, Duration guard) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.window = Duration.ofSeconds(1).plus(guard);
        this.batchLifetimeNanos = guard.toNanos();
        this.guardSeconds = guard.toNanos() / 1e9;
    }

    /**
     * Blocks until one call start is granted under every limit, then commits {@code withGrant} (the attempt's fenced
     * move to sending) in a transaction of its own; false when it does.
     */
    boolean acquire(List<Limit> limits, BooleanSupplier withGrant) throws InterruptedException {
        var ordered = limits.stream().sorted(Comparator.comparing(Limit::key)).toList();
        var keys = ordered.stream().map(Limit::key).toList();
        var batch = batches.computeIfAbsent(keys, k -> new Batch());
        var size = Math.max(1, (int) Math.floor(ordered.stream().mapToDouble(Limit::rate).min().orElse(1)
                * guardSeconds));
        while (!batch.take()) {
            Grant grant;
            // one instance asks for one key set at a time: its senders share the batch instead of racing for more
            synchronized (batch) {
                if (batch.take()) {
                    break;
                }
                grant = transactions.execute(status -> tryGrant(ordered, size));
                if (grant != null && grant.count() > 0) {
                    batch.fill(grant.count() - 1, System.nanoTime() + batchLifetimeNanos);
                    break;
                }
            }
            Thread.sleep(grant == null ? 1 : grant.waitMillis());
        }
        return Boolean.TRUE.equals(transactions.execute(status -> withGrant.getAsBoolean()));
    }

    /** Starts granted (written to the log), or none and how long until every window has room. */
    private record Grant(int count, long waitMillis) {
    }

    /** Grants up to {@code size} starts under every limit; else says how long until one has room. */
    private Grant tryGrant(List<Limit> limits, int size) {
        var windowSeconds = window.toMillis() / 1000.0;
        var granted = size;
        long wait = 0;
        for (var limit : limits) {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext(?))", Object.class, "revos-pacing:" + limit.key());
            var capacity = Math.max(1, (int) Math.floor(limit.rate()));
            var row = jdbc.queryForObject("""
                    SELECT count(*), min(granted_at), clock_timestamp() FROM pacing_grants
                    WHERE pacing_key = ? AND granted_at > clock_timestamp() - make_interval(secs => ?)""",
                    (rs, n) -> new Object[] {rs.getLong(1), rs.getTimestamp(2), rs.getTimestamp(3)}, limit.key(),
                    windowSeconds);
            var free = capacity - (long) row[0];
            granted = (int) Math.min(granted, free);
            if (free <= 0) {
                wait = Math.max(wait, ((Timestamp) row[1]).getTime() + window.toMillis()
                        - ((Timestamp) row[2]).getTime() + 1);
            }
        }
        if (granted <= 0) {
            return new Grant(0, Math.max(1, wait));
        }
        for (var limit : limits) {
            jdbc.update("INSERT INTO pacing_grants (pacing_key, granted_at) SELECT ?, clock_timestamp() "
                    + "FROM generate_series(1, ?)", limit.key(), granted);
        }
        if (batchesSinceCleaning.incrementAndGet() % CLEAN_EVERY == 0) {
            jdbc.update("DELETE FROM pacing_grants WHERE granted_at < clock_timestamp() - interval '10 seconds'");
        }
        return new Grant(granted, 0);
    }

    /** Grants this instance holds for one set of keys, spendable until they expire. */
    private static final class Batch {

        private int remaining;
        private long expiresAtNanos;

        synchronized boolean take() {
            if (remaining > 0 && System.nanoTime() < expiresAtNanos) {
                remaining--;
                return true;
            }
            remaining = 0;
            return false;
        }

        /** After the granting transaction committed: the grants beyond the one its caller spends now. */
        synchronized void fill(int count, long expiresAt) {
            remaining = count;
            expiresAtNanos = expiresAt;
        }
    }
}
