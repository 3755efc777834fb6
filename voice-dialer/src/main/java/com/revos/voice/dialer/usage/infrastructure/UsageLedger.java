package com.revos.voice.dialer.usage.infrastructure;

import com.revos.voice.dialer.common.application.Transactions;
import com.revos.voice.dialer.usage.application.Ledger;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.jspecify.annotations.Nullable;

/**
 * Billable usage: exactly one entry per call (the call id is the key), whatever is redelivered. What it records is
 * also counted for operators, in total only ({@code revos.dialer.usage.*}): per tenant it is this ledger's API.
 */
class UsageLedger implements Ledger {

    private final JdbcTemplate jdbc;
    private final Transactions transactions;
    private final Counter recordedSeconds;
    private final Counter recordedCost;

    UsageLedger(JdbcTemplate jdbc, Transactions transactions, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.recordedSeconds = Counter.builder("revos.dialer.usage.billable.seconds").baseUnit("seconds")
                .description("Billable call seconds recorded in the usage ledger").register(meters);
        this.recordedCost = Counter.builder("revos.dialer.usage.cost")
                .description("Call cost recorded in the usage ledger, in the provider's unit").register(meters);
    }

    record Summary(Instant from, Instant to, long calls, long billableSeconds, double minutes,
                          BigDecimal cost) {
    }

    /** Counted once the transaction commits, and only for the call's first entry. */
    @Override
    public void record(UUID callId, UUID tenantId, @Nullable UUID campaignId, int billableSeconds, BigDecimal cost,
                       Instant at) {
        var recorded = jdbc.update("""
                INSERT INTO usage_ledger (call_id, tenant_id, campaign_id, billable_seconds, cost, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (call_id) DO NOTHING""",
                callId, tenantId, campaignId, billableSeconds, cost, Timestamp.from(at)) == 1;
        if (recorded) {
            transactions.afterCommit(() -> {
                recordedSeconds.increment(billableSeconds);
                recordedCost.increment(cost.doubleValue());
            });
        }
    }

    Summary summarize(UUID tenantId, Instant from, Instant to) {
        return jdbc.queryForObject("""
                SELECT count(*), coalesce(sum(billable_seconds), 0), coalesce(sum(cost), 0) FROM usage_ledger
                WHERE tenant_id = ? AND recorded_at >= ? AND recorded_at < ?""",
                (rs, n) -> new Summary(from, to, rs.getLong(1), rs.getLong(2),
                        Math.round(rs.getLong(2) / 60.0 * 100) / 100.0, rs.getBigDecimal(3)),
                tenantId, Timestamp.from(from), Timestamp.from(to));
    }
}
