package com.revos.voice.dialer.campaign.infrastructure;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.revos.voice.dialer.campaign.application.ContactQueue;
import com.revos.voice.dialer.campaign.model.RetryPolicy;
import com.revos.voice.events.CallOutcome;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.jspecify.annotations.Nullable;

/** Contact rows: upload in batches, claim by lease (SKIP LOCKED), and state changes after each attempt. */
class ContactStore implements ContactQueue {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    ContactStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean[] insert(UUID campaignId, UUID tenantId, List<ContactQueue.NewContact> batch) {
        var counts = jdbc.batchUpdate("""
                INSERT INTO contacts (id, campaign_id, tenant_id, row_no, phone, zone_key, variables, us_state,
                                      postal_code, time_zone, consent_type, consent_source, consent_obtained_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (campaign_id, phone) DO NOTHING""", batch, 1000,
                (ps, c) -> {
                    ps.setObject(1, c.id());
                    ps.setObject(2, campaignId);
                    ps.setObject(3, tenantId);
                    ps.setInt(4, c.row());
                    ps.setString(5, c.phone());
                    ps.setString(6, c.zoneKey());
                    ps.setString(7, write(c.variables()));
                    var facts = c.facts();
                    ps.setString(8, facts.state());
                    ps.setString(9, facts.postalCode());
                    ps.setString(10, facts.timeZone() == null ? null : facts.timeZone().getId());
                    ps.setString(11, facts.consent().type().wire());
                    ps.setString(12, facts.consent().source());
                    ps.setTimestamp(13, facts.consent().obtainedAt() == null ? null
                            : Timestamp.from(facts.consent().obtainedAt()));
                });
        var result = new boolean[batch.size()];
        int i = 0;
        for (var chunk : counts) {
            for (var count : chunk) {
                result[i++] = count != 0;
            }
        }
        return result;
    }

    @Override
    public long count(UUID campaignId) {
        return Objects.requireNonNull(jdbc.queryForObject("SELECT count(*) FROM contacts WHERE campaign_id = ?",
                Long.class, campaignId), "count(*) is one row");
    }

    /** The zone keys among the campaign's contacts still waiting. */
    @Override
    public List<String> pendingZoneKeys(UUID campaignId) {
        return jdbc.query("SELECT DISTINCT zone_key FROM contacts WHERE campaign_id = ? AND state = 'pending'",
                (rs, n) -> rs.getString(1), campaignId);
    }

    /** Suppression is checked at dial time too: numbers suppressed since upload are taken out before each claim. */
    @Override
    public int suppressPending(UUID campaignId, UUID tenantId) {
        return jdbc.update("""
                UPDATE contacts c SET state = 'suppressed' WHERE c.campaign_id = ? AND c.state = 'pending'
                  AND EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = ? AND s.phone = c.phone)""",
                campaignId, tenantId);
    }

    /**
     * Leases up to {@code limit} due contacts (in window, not suppressed, attempts left) to this caller: rows another
     * instance holds are skipped, never waited for or taken twice. Runs in the caller's transaction.
     */
    @Override
    public List<ContactQueue.Claimed> claim(UUID campaignId, UUID tenantId, List<String> openZones, int maxAttempts, Instant now,
                               int limit) {
        return jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    UPDATE contacts SET state = 'in_flight', attempts = attempts + 1
                    WHERE id IN (
                        SELECT c.id FROM contacts c
                        WHERE c.campaign_id = ? AND c.state = 'pending' AND c.next_attempt_at <= ?
                          AND c.attempts < ? AND c.zone_key = ANY (?)
                          AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = ? AND s.phone = c.phone)
                        ORDER BY c.next_attempt_at, c.row_no
                        LIMIT ? FOR UPDATE SKIP LOCKED)
                    RETURNING id, phone, variables::text, attempts, zone_key""");
            statement.setObject(1, campaignId);
            statement.setTimestamp(2, Timestamp.from(now));
            statement.setInt(3, maxAttempts);
            statement.setArray(4, connection.createArrayOf("text", openZones.toArray()));
            statement.setObject(5, tenantId);
            statement.setInt(6, limit);
            return statement;
        }, (rs, n) -> new ContactQueue.Claimed(rs.getObject(1, UUID.class), rs.getString(2), read(rs.getString(3)), rs.getInt(4),
                rs.getString(5)));
    }

    /** A claimed contact that was not dialed (outage, pause): back in the queue, the attempt given back. */
    @Override
    public void requeueUndialed(UUID contactId, int attempt, Instant notBefore) {
        jdbc.update("""
                UPDATE contacts SET state = CASE WHEN state = 'in_flight' THEN 'pending' ELSE state END,
                    attempts = attempts - 1, next_attempt_at = ?
                WHERE id = ? AND attempts = ?""", Timestamp.from(notBefore), contactId, attempt);
    }

    @Override
    public void withhold(UUID contactId, int attempt) {
        jdbc.update("UPDATE contacts SET state = 'suppressed', attempts = attempts - 1 WHERE id = ? AND attempts = ?",
                contactId, attempt);
    }

    /** Applies an attempt's outcome to its contact, by the campaign's retry policy; returns the campaign id. */
    @Override
    public Optional<UUID> afterOutcome(UUID contactId, int attempt, CallOutcome outcome, Instant now) {
        var rows = jdbc.query("""
                SELECT c.campaign_id, c.state, c.attempts, k.status, k.max_attempts, k.delay_busy, k.delay_no_answer,
                       k.delay_voicemail, k.delay_failed
                FROM contacts c JOIN campaigns k ON k.id = c.campaign_id WHERE c.id = ? FOR UPDATE OF c""",
                (rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4),
                    new RetryPolicy(rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9))},
                contactId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        var row = rows.getFirst();
        var campaignId = (UUID) row[0];
        if (!"in_flight".equals(row[1]) || (int) row[2] != attempt) {
            return Optional.of(campaignId);
        }
        var next = ((RetryPolicy) row[4]).next(outcome, attempt, now);
        var cancelled = "cancelled".equals(row[3]);
        switch (next) {
            case RetryPolicy.ContactNext.Done d -> setState(contactId, "done", null, outcome);
            case RetryPolicy.ContactNext.Exhausted e -> setState(contactId, "exhausted", null, outcome);
            case RetryPolicy.ContactNext.RetryAt r ->
                    setState(contactId, cancelled ? "cancelled" : "pending", r.at(), outcome);
        }
        return Optional.of(campaignId);
    }

    private void setState(UUID contactId, String state, @Nullable Instant nextAttemptAt, CallOutcome outcome) {
        jdbc.update("UPDATE contacts SET state = ?, next_attempt_at = coalesce(?, next_attempt_at), last_outcome = ? "
                + "WHERE id = ?", state, nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt),
                outcome.wireName(), contactId);
    }

    @Override
    public void cancelPending(UUID campaignId) {
        jdbc.update("UPDATE contacts SET state = 'cancelled' WHERE campaign_id = ? AND state = 'pending'", campaignId);
    }

    static String write(Map<String, Object> variables) {
        try {
            return JSON.writeValueAsString(variables == null ? Map.of() : variables);
        } catch (Exception e) {
            throw new IllegalArgumentException("variables are not serializable", e);
        }
    }

    static Map<String, Object> read(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, MAP);
        } catch (Exception e) {
            throw new IllegalStateException("stored variables are not JSON", e);
        }
    }
}
