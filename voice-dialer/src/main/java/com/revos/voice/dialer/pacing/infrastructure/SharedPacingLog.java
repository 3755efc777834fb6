package com.revos.voice.dialer.pacing.infrastructure;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.springframework.dao.support.DataAccessUtils;
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
    private static final long WAKE_PAST_FREE_NANOS = 200_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final double windowSeconds;
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
        this.windowSeconds = 1 + guard.toNanos() / 1e9;
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
            // to the moment the window frees, and a little past it, so the next try finds room
            Thread.sleep(Duration.ofNanos(grant == null ? WAKE_PAST_FREE_NANOS
                    : Math.max(grant.waitNanos(), 0) + WAKE_PAST_FREE_NANOS));
        }
        return Boolean.TRUE.equals(transactions.execute(status -> withGrant.getAsBoolean()));
    }

    /** Starts granted (written to the log), or none and how long until every window has room. */
    private record Grant(int count, long waitNanos) {
    }

    /**
     * Grants up to {@code size} starts under every limit; else says how long until one has room. One statement
     * (the dialer schema's {@code pacing_grant}): this runs once per few calls, one at a time per key set, so its
     * round trips bound the rate the log can grant.
     */
    private Grant tryGrant(List<Limit> limits, int size) {
        var grant = DataAccessUtils.requiredSingleResult(jdbc.query(connection -> {
            var statement = connection.prepareStatement(
                    "SELECT granted, wait_seconds FROM pacing_grant(?, ?, ?, ?)");
            statement.setArray(1, connection.createArrayOf("text", limits.stream().map(Limit::key).toArray()));
            statement.setArray(2, connection.createArrayOf("float8", limits.stream().map(Limit::rate).toArray()));
            statement.setDouble(3, windowSeconds);
            statement.setInt(4, size);
            return statement;
        }, (rs, row) -> new Grant(rs.getInt(1), (long) Math.ceil(rs.getDouble(2) * 1e9))));
        if (grant.count() > 0 && batchesSinceCleaning.incrementAndGet() % CLEAN_EVERY == 0) {
            jdbc.update("DELETE FROM pacing_grants WHERE granted_at < clock_timestamp() - interval '10 seconds'");
        }
        return grant;
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
