package com.revos.voice.dialer.call.infrastructure;

import com.revos.voice.dialer.call.model.CallState;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Call attempt rows. Every transition names the state it leaves, so a late or repeated one changes nothing. */
public class CallStore {

    private final JdbcTemplate jdbc;

    CallStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A call row as the API shows it. */
    public record CallRow(UUID id, UUID tenantId, UUID campaignId, UUID contactId, int attempt, UUID agentId,
                          UUID phoneNumberId, String toNumber, String state, String providerCallId, String callSid,
                          String outcome, Integer durationSecs, BigDecimal cost, String failureReason,
                          Instant requestedAt, Instant initiatedAt, Instant finishedAt) {
    }

    void insertRequested(Attempt a, Instant now) {
        jdbc.update("""
                INSERT INTO calls (id, tenant_id, campaign_id, contact_id, attempt, agent_id, phone_number_id, to_number,
                                   state, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'requested', ?)""",
                a.callId(), a.tenantId(), a.campaignId(), a.contactId(), a.attempt(), a.agentId(), a.phoneNumberId(),
                a.toNumber(), Timestamp.from(now));
    }

    boolean initiated(UUID callId, String providerCallId, String callSid, Instant now, Instant reconcileAfter) {
        return jdbc.update("""
                UPDATE calls SET state = 'initiated', provider_call_id = ?, call_sid = ?, initiated_at = ?,
                    reconcile_after = ? WHERE id = ? AND state = 'requested'""",
                providerCallId, callSid, Timestamp.from(now), Timestamp.from(reconcileAfter), callId) == 1;
    }

    boolean finish(UUID callId, String fromState, String toState, String reason, Instant now) {
        return jdbc.update("UPDATE calls SET state = ?, failure_reason = ?, finished_at = ? WHERE id = ? AND state = ?",
                toState, reason, Timestamp.from(now), callId, fromState) == 1;
    }

    /** Locks the call for applying its outcome. */
    Optional<CallRow> lock(UUID callId) {
        return jdbc.query("SELECT * FROM calls WHERE id = ? FOR UPDATE", (rs, n) -> map(rs), callId).stream()
                .findFirst();
    }

    /** The call the provider knows by this conversation id (webhooks that carry no correlation ids of ours). */
    Optional<CallRow> lockByProviderCallId(String providerCallId) {
        return jdbc.query("SELECT * FROM calls WHERE provider_call_id = ? FOR UPDATE", (rs, n) -> map(rs),
                providerCallId).stream().findFirst();
    }

    void completed(UUID callId, String outcome, Integer durationSecs, BigDecimal cost, String providerCallId,
                   Instant now) {
        jdbc.update("""
                UPDATE calls SET state = 'completed', outcome = ?, duration_secs = ?, cost = ?,
                    provider_call_id = coalesce(provider_call_id, ?), finished_at = ?, reconcile_after = NULL
                WHERE id = ?""", outcome, durationSecs, cost, providerCallId, Timestamp.from(now), callId);
    }

    /** Calls in flight (requested, initiated or unknown) of a tenant, of one of its numbers, of one campaign. */
    public record Open(long tenant, long number, long campaign) {
    }

    public Open open(UUID tenantId, UUID numberId, UUID campaignId) {
        return jdbc.queryForObject("""
                SELECT count(*), count(*) FILTER (WHERE phone_number_id = ?), count(*) FILTER (WHERE campaign_id = ?)
                FROM calls WHERE tenant_id = ? AND state IN ('requested', 'initiated', 'unknown')""",
                (rs, n) -> new Open(rs.getLong(1), rs.getLong(2), rs.getLong(3)), numberId, campaignId, tenantId);
    }

    /** Requested attempts a crash left behind: they may have been dialed, so they are never sent again. */
    int markStaleRequestsUnknown(Instant olderThan, Instant reconcileAfter) {
        return jdbc.update("UPDATE calls SET state = 'unknown', reconcile_after = ? WHERE state = 'requested' "
                + "AND requested_at < ?", Timestamp.from(reconcileAfter), Timestamp.from(olderThan));
    }

    List<CallRow> overdue(Instant now, int limit) {
        return jdbc.query("SELECT * FROM calls WHERE state IN ('initiated', 'unknown') AND reconcile_after < ? "
                + "ORDER BY reconcile_after LIMIT ?", (rs, n) -> map(rs), Timestamp.from(now), limit);
    }

    void reconcileLater(UUID callId, Instant at) {
        jdbc.update("UPDATE calls SET reconcile_after = ? WHERE id = ?", Timestamp.from(at), callId);
    }

    List<CallRow> byCampaign(UUID tenantId, UUID campaignId, int limit, int offset) {
        return jdbc.query("SELECT * FROM calls WHERE tenant_id = ? AND campaign_id = ? ORDER BY requested_at, id "
                + "LIMIT ? OFFSET ?", (rs, n) -> map(rs), tenantId, campaignId, limit, offset);
    }

    long countByCampaign(UUID tenantId, UUID campaignId) {
        return jdbc.queryForObject("SELECT count(*) FROM calls WHERE tenant_id = ? AND campaign_id = ?", Long.class,
                tenantId, campaignId);
    }

    Optional<CallRow> find(UUID tenantId, UUID callId) {
        return jdbc.query("SELECT * FROM calls WHERE id = ? AND tenant_id = ?", (rs, n) -> map(rs), callId, tenantId)
                .stream().findFirst();
    }

    private static CallRow map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CallRow(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getObject("campaign_id", UUID.class), rs.getObject("contact_id", UUID.class), rs.getInt("attempt"),
                rs.getObject("agent_id", UUID.class), rs.getObject("phone_number_id", UUID.class),
                rs.getString("to_number"), rs.getString("state"), rs.getString("provider_call_id"),
                rs.getString("call_sid"), rs.getString("outcome"), (Integer) rs.getObject("duration_secs"),
                rs.getBigDecimal("cost"), rs.getString("failure_reason"), instant(rs.getTimestamp("requested_at")),
                instant(rs.getTimestamp("initiated_at")), instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static boolean isOpen(String state) {
        return CallState.REQUESTED.equals(state) || CallState.INITIATED.equals(state)
                || CallState.UNKNOWN.equals(state);
    }
}
