package com.revos.voice.dialer.usage.infrastructure;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Billable usage: exactly one entry per call (the call id is the key), whatever is redelivered. */
public class UsageLedger {

    private final JdbcTemplate jdbc;

    UsageLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Summary(Instant from, Instant to, long calls, long billableSeconds, double minutes,
                          BigDecimal cost) {
    }

    public void record(UUID callId, UUID tenantId, UUID campaignId, int billableSeconds, BigDecimal cost,
                       Instant at) {
        jdbc.update("""
                INSERT INTO usage_ledger (call_id, tenant_id, campaign_id, billable_seconds, cost, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (call_id) DO NOTHING""",
                callId, tenantId, campaignId, billableSeconds, cost, Timestamp.from(at));
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
