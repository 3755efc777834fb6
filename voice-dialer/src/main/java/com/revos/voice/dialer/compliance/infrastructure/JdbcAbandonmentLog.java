package com.revos.voice.dialer.compliance.infrastructure;

import com.revos.voice.dialer.compliance.application.AbandonmentLog;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code abandonment_log}: one row per live-answered campaign call. */
final class JdbcAbandonmentLog implements AbandonmentLog {

    private final JdbcTemplate jdbc;

    JdbcAbandonmentLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(UUID callId, UUID tenantId, UUID campaignId, boolean abandoned, Instant answeredAt) {
        jdbc.update("INSERT INTO abandonment_log (call_id, tenant_id, campaign_id, abandoned, answered_at) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (call_id) DO NOTHING", callId, tenantId, campaignId, abandoned,
                Timestamp.from(answeredAt));
    }

    @Override
    public Counts since(UUID campaignId, Instant since) {
        return jdbc.queryForObject("SELECT count(*), count(*) FILTER (WHERE abandoned) FROM abandonment_log "
                + "WHERE campaign_id = ? AND answered_at > ?", (rs, n) -> new Counts(rs.getLong(1), rs.getLong(2)),
                campaignId, Timestamp.from(since));
    }
}
