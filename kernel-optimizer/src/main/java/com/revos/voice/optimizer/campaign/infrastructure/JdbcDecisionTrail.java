package com.revos.voice.optimizer.campaign.infrastructure;

import com.revos.voice.values.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Reads a campaign's trail from the three audit tables, under the tenant's row-level security. */
final class JdbcDecisionTrail {

    private static final String SELECT = """
            SELECT d.decision_id, d.rule, d.episode, d.decision, d.metric_value, d.threshold, d.detail, d.decided_at,
                   d.evidence, d.explanation,
                   e.event_id, e.trigger_event_id, e.observed_at, e.metrics,
                   a.action_id, a.kind, a.type, a.payload, a.issued_at, a.confirmed_at, a.confirmation_type,
                   a.confirmation_event_id
            FROM kernel_decisions d
            JOIN kernel_events e ON e.event_id = d.event_id
            LEFT JOIN kernel_actions a ON a.decision_id = d.decision_id
            WHERE d.tenant_id = ? AND d.campaign_id = ?
            ORDER BY d.decided_at DESC, d.rule
            LIMIT ? OFFSET ?
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    JdbcDecisionTrail(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    Page<DecisionTrail.DecisionView> of(UUID tenantId, UUID campaignId, int limit, int offset) {
        var trail = transactions.execute(status -> {
            var total = jdbc.queryForObject(
                    "SELECT count(*) FROM kernel_decisions WHERE tenant_id = ? AND campaign_id = ?", Long.class,
                    tenantId, campaignId);
            var items = jdbc.query(SELECT, (rs, row) -> item(rs), tenantId, campaignId, limit, offset);
            return new Page<>(items, limit, offset, total == null ? 0 : total);
        });
        return Objects.requireNonNull(trail, "the transaction returns the trail it read");
    }

    private static DecisionTrail.DecisionView item(ResultSet rs) throws SQLException {
        var event = new DecisionTrail.Observation(rs.getObject("event_id", UUID.class),
                rs.getObject("trigger_event_id", UUID.class), instant(rs.getTimestamp("observed_at")),
                Json.read(rs.getString("metrics")));
        var actionId = rs.getObject("action_id", UUID.class);
        var action = actionId == null ? null : new DecisionTrail.ActionRow(actionId, rs.getString("kind"),
                rs.getString("type"), Json.read(rs.getString("payload")), instant(rs.getTimestamp("issued_at")),
                instant(rs.getTimestamp("confirmed_at")), rs.getString("confirmation_type"),
                rs.getObject("confirmation_event_id", UUID.class));
        return new DecisionTrail.DecisionView(rs.getObject("decision_id", UUID.class), rs.getString("rule"),
                rs.getInt("episode"), rs.getString("decision"), rs.getDouble("metric_value"),
                rs.getDouble("threshold"), Json.read(rs.getString("detail")), Json.read(rs.getString("evidence")),
                rs.getString("explanation"), instant(rs.getTimestamp("decided_at")), event, action);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
