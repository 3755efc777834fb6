package com.revos.voice.dialer.call.infrastructure;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.revos.voice.dialer.call.application.CallRecords;
import com.revos.voice.dialer.call.model.Attempt;
import com.revos.voice.dialer.call.model.CallRecord;
import com.revos.voice.dialer.call.model.Owner;
import com.revos.voice.dialer.call.model.CallState;
import com.revos.voice.events.ProviderReport.CallReported;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.jspecify.annotations.Nullable;

/**
 * Call attempt rows. Every transition is a conditional update naming the state(s) it leaves, and reports whether
 * it happened: the database decides which of two writers (a dialer, a recovering instance, a late report) moves an
 * attempt, and the loser changes nothing.
 */
class CallStore implements CallRecords {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final String IN_FLIGHT = "('requested', 'sending', 'ambiguous', 'initiated')";

    private final JdbcTemplate jdbc;

    CallStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insertRequested(Attempt a, Instant now) {
        jdbc.update("""
                INSERT INTO calls (id, tenant_id, campaign_id, contact_id, attempt, agent_id, phone_number_id, from_number,
                                   to_number, provider_agent_id, local_hour, owner, owner_epoch, state, requested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'requested', ?)""",
                a.callId(), a.tenantId(), a.campaignId(), a.contactId(), a.attempt(), a.agentId(), a.phoneNumberId(),
                a.fromNumber(), a.toNumber(), a.providerAgentId(), a.localHour(), a.owner().instance(),
                a.owner().epoch(),
                Timestamp.from(now));
    }

    /**
     * The send gate's fence: {@code requested → sending}, only while the attempt's owner still holds it (for a
     * campaign call, the campaign's pacing lease at the epoch the attempt was claimed under). False: do not send.
     */
    @Override
    public boolean markSending(UUID callId, Owner owner, Instant now) {
        return jdbc.update("""
                UPDATE calls c SET state = 'sending', sent_at = ?
                WHERE c.id = ? AND c.state = 'requested' AND c.owner = ? AND c.owner_epoch = ?
                  AND (c.campaign_id IS NULL OR EXISTS (
                      SELECT 1 FROM campaigns k WHERE k.id = c.campaign_id AND k.status = 'running'
                        AND k.dispatcher = ? AND k.lease_epoch = ?))""",
                Timestamp.from(now), callId, owner.instance(), owner.epoch(), owner.instance(), owner.epoch()) == 1;
    }

    @Override
    public boolean initiated(UUID callId, List<CallState> from, @Nullable String providerCallId,
                             @Nullable String callSid,
                             Instant now,
                      Instant reconcileAfter) {
        return jdbc.update("UPDATE calls SET state = 'initiated', provider_call_id = coalesce(?, provider_call_id), "
                + "call_sid = coalesce(?, call_sid), initiated_at = ?, reconcile_after = ?, resolve_after = NULL "
                + "WHERE id = ? AND state = ANY (?)", providerCallId, callSid, Timestamp.from(now),
                Timestamp.from(reconcileAfter), callId, states(from)) == 1;
    }

    @Override
    public boolean ambiguous(UUID callId, String reason, Instant resolveAfter) {
        return jdbc.update("UPDATE calls SET state = 'ambiguous', failure_reason = ?, resolve_after = ? "
                + "WHERE id = ? AND state = 'sending'", reason, Timestamp.from(resolveAfter), callId) == 1;
    }

    /** No call happened: final, the attempt given back. */
    @Override
    public boolean notPlaced(UUID callId, List<CallState> from, String reason, Instant now) {
        return jdbc.update("UPDATE calls SET state = 'not_placed', not_placed_reason = ?, finished_at = ?, "
                + "resolve_after = NULL, reconcile_after = NULL WHERE id = ? AND state = ANY (?)", reason,
                Timestamp.from(now), callId, states(from)) == 1;
    }

    /** The provider refused this call, or it was given up on: final, outcome failed, the attempt counted. */
    @Override
    public boolean failed(UUID callId, List<CallState> from, String reason, @Nullable String notPlacedReason,
                          String decidedBy, Instant now) {
        return jdbc.update("""
                UPDATE calls SET state = 'failed', outcome = 'failed', failure_reason = ?, not_placed_reason = ?,
                    decided_by = ?, billable_secs = 0, finished_at = ?, resolve_after = NULL, reconcile_after = NULL
                WHERE id = ? AND state = ANY (?)""", reason, notPlacedReason, decidedBy, Timestamp.from(now), callId,
                states(from)) == 1;
    }

    /** The outcome a report settled: final. */
    @Override
    public boolean completed(UUID callId, CallReported report, int billableSecs, String decidedBy, String source,
                      Instant now) {
        return jdbc.update("""
                UPDATE calls SET state = 'completed', outcome = ?, duration_secs = ?, billable_secs = ?, cost = ?,
                    cost_credits = ?, qualified = ?, qualification_score = ?, termination_reason = ?,
                    analysis = ?::jsonb, summary = ?, decided_by = ?, sources = array_append(sources, ?),
                    provider_call_id = coalesce(provider_call_id, ?), call_sid = coalesce(call_sid, ?),
                    initiated_at = coalesce(initiated_at, ?), finished_at = ?, reconcile_after = NULL,
                    resolve_after = NULL
                WHERE id = ? AND state IN ('sending', 'ambiguous', 'initiated', 'not_placed')""",
                Objects.requireNonNull(report.outcome(), "a settling report has an outcome").wireName(),
                report.timing().durationSecs(), billableSecs, report.charge().costUsd(),
                report.charge().costCredits(), report.result().qualified(), report.result().qualificationScore(),
                report.result().terminationReason(), write(report.result().analysis()), report.result().summary(),
                decidedBy, source,
                "elevenlabs".equals(report.provider()) ? report.providerCallId() : null, report.callSid(),
                Timestamp.from(now), Timestamp.from(now), callId) == 1;
    }

    /** Locks the call for applying a report. */
    @Override
    public Optional<CallRecord> lock(UUID callId) {
        return jdbc.query("SELECT * FROM calls WHERE id = ? FOR UPDATE", (rs, n) -> map(rs), callId).stream()
                .findFirst();
    }

    /** The call the provider knows by this id: the ElevenLabs conversation id or the Twilio call SID we recorded. */
    @Override
    public Optional<CallRecord> lockByProviderIds(String providerCallId, @Nullable String callSid) {
        var byConversation = jdbc.query("SELECT * FROM calls WHERE provider_call_id = ? FOR UPDATE",
                (rs, n) -> map(rs), providerCallId).stream().findFirst();
        if (byConversation.isPresent() || callSid == null) {
            return byConversation;
        }
        return jdbc.query("SELECT * FROM calls WHERE call_sid = ? FOR UPDATE", (rs, n) -> map(rs), callSid).stream()
                .findFirst();
    }

    @Override
    public List<CallRecord> lockAll(Collection<String> providerCallIds, Collection<String> callSids,
                                    Collection<UUID> echoedCallIds) {
        if (providerCallIds.isEmpty() && callSids.isEmpty() && echoedCallIds.isEmpty()) {
            return List.of();
        }
        // one lookup per kind of id, each by its own index: as one filter of three ORs, the planner took a scan of
        // the whole table (0.9 ms a batch at 5,000 calls, growing with the table; pg_stat_statements, 2026-12-04)
        return jdbc.query("""
                SELECT * FROM calls WHERE id IN (
                    SELECT id FROM calls WHERE provider_call_id = ANY(?)
                    UNION SELECT id FROM calls WHERE call_sid = ANY(?)
                    UNION SELECT unnest(?::uuid[]))
                ORDER BY id FOR UPDATE""", statement -> {
                    statement.setArray(1, statement.getConnection().createArrayOf("text", providerCallIds.toArray()));
                    statement.setArray(2, statement.getConnection().createArrayOf("text", callSids.toArray()));
                    statement.setArray(3, statement.getConnection().createArrayOf("uuid", echoedCallIds.toArray()));
                }, (rs, n) -> map(rs));
    }

    @Override
    public CallRecords.Open open(UUID tenantId, UUID numberId, @Nullable UUID campaignId) {
        return jdbc.queryForObject("SELECT count(*) FILTER (WHERE tenant_id = ?), "
                + "count(*) FILTER (WHERE tenant_id = ? AND phone_number_id = ?), "
                + "count(*) FILTER (WHERE campaign_id = ?), count(*) FROM calls WHERE state IN " + IN_FLIGHT,
                (rs, n) -> new CallRecords.Open(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), tenantId, tenantId,
                numberId, campaignId);
    }

    /** Attempts still {@code requested} since before {@code olderThan}: never sent, and now never will be. */
    @Override
    public List<CallRecord> unsentSince(Instant olderThan, int limit) {
        return jdbc.query("SELECT * FROM calls WHERE state = 'requested' AND requested_at < ? ORDER BY requested_at "
                + "LIMIT ?", (rs, n) -> map(rs), Timestamp.from(olderThan), limit);
    }

    /** Attempts {@code sending} since before {@code olderThan}: their sender died mid-request. */
    @Override
    public List<CallRecord> sendingSince(Instant olderThan, int limit) {
        return jdbc.query("SELECT * FROM calls WHERE state = 'sending' AND sent_at < ? ORDER BY sent_at LIMIT ?",
                (rs, n) -> map(rs), Timestamp.from(olderThan), limit);
    }

    @Override
    public List<CallRecord> ambiguousDue(Instant now, int limit) {
        return jdbc.query("SELECT * FROM calls WHERE state = 'ambiguous' AND resolve_after <= ? "
                + "ORDER BY resolve_after LIMIT ?", (rs, n) -> map(rs), Timestamp.from(now), limit);
    }

    @Override
    public void resolveLater(UUID callId, Instant at) {
        jdbc.update("UPDATE calls SET resolve_after = ? WHERE id = ? AND state = 'ambiguous'", Timestamp.from(at),
                callId);
    }

    @Override
    public List<CallRecord> overdue(Instant now, int limit) {
        return jdbc.query("SELECT * FROM calls WHERE state = 'initiated' AND reconcile_after < ? "
                + "ORDER BY reconcile_after LIMIT ?", (rs, n) -> map(rs), Timestamp.from(now), limit);
    }

    @Override
    public void reconcileLater(UUID callId, Instant at) {
        jdbc.update("UPDATE calls SET reconcile_after = ? WHERE id = ? AND state = 'initiated'", Timestamp.from(at),
                callId);
    }

    List<CallRecord> byCampaign(UUID tenantId, UUID campaignId, int limit, int offset) {
        return jdbc.query("SELECT * FROM calls WHERE tenant_id = ? AND campaign_id = ? ORDER BY requested_at, id "
                + "LIMIT ? OFFSET ?", (rs, n) -> map(rs), tenantId, campaignId, limit, offset);
    }

    long countByCampaign(UUID tenantId, UUID campaignId) {
        return Objects.requireNonNull(jdbc.queryForObject(
                "SELECT count(*) FROM calls WHERE tenant_id = ? AND campaign_id = ?", Long.class, tenantId, campaignId),
                "count(*) is one row");
    }

    @Override
    public Optional<CallRecord> find(UUID tenantId, UUID callId) {
        return jdbc.query("SELECT * FROM calls WHERE id = ? AND tenant_id = ?", (rs, n) -> map(rs), callId, tenantId)
                .stream().findFirst();
    }

    /** Whether an attempt of ours already owns this Twilio call SID. */
    @Override
    public boolean claimsCallSid(String callSid) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM calls WHERE call_sid = ?)",
                Boolean.class, callSid));
    }

    @Override
    public Optional<CallRecord> find(UUID callId) {
        return jdbc.query("SELECT * FROM calls WHERE id = ?", (rs, n) -> map(rs), callId).stream().findFirst();
    }

    private static String[] states(List<CallState> states) {
        return states.stream().map(CallState::wireName).toArray(String[]::new);
    }

    private static CallRecord map(ResultSet rs) throws SQLException {
        var sources = rs.getArray("sources");
        return new CallRecord(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getObject("campaign_id", UUID.class), rs.getObject("contact_id", UUID.class), rs.getInt("attempt"),
                rs.getObject("agent_id", UUID.class), rs.getObject("phone_number_id", UUID.class),
                rs.getString("from_number"), rs.getString("to_number"), CallState.of(rs.getString("state")),
                rs.getString("provider_call_id"),
                rs.getString("call_sid"), rs.getString("provider_agent_id"), rs.getString("outcome"),
                (Integer) rs.getObject("duration_secs"), (Integer) rs.getObject("billable_secs"),
                rs.getBigDecimal("cost"), rs.getBigDecimal("cost_credits"), (Boolean) rs.getObject("qualified"),
                (Double) rs.getObject("qualification_score"), rs.getString("termination_reason"),
                read(rs.getString("analysis")), rs.getString("summary"), rs.getString("failure_reason"),
                rs.getString("not_placed_reason"), rs.getString("decided_by"),
                sources == null ? List.of() : Arrays.asList((String[]) sources.getArray()),
                (Integer) rs.getObject("local_hour"), rs.getTimestamp("requested_at").toInstant(),
                instant(rs.getTimestamp("sent_at")), instant(rs.getTimestamp("initiated_at")),
                instant(rs.getTimestamp("finished_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String write(@Nullable Map<String, Object> analysis) {
        try {
            return JSON.writeValueAsString(analysis == null ? Map.of() : analysis);
        } catch (Exception e) {
            throw new IllegalArgumentException("analysis is not serializable", e);
        }
    }

    private static Map<String, Object> read(@Nullable String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, MAP);
        } catch (Exception e) {
            throw new IllegalStateException("stored analysis is not JSON", e);
        }
    }
}
