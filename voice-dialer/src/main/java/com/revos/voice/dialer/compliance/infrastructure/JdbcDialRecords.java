package com.revos.voice.dialer.compliance.infrastructure;

import com.revos.voice.dialer.compliance.application.DialRecords;
import com.revos.voice.dialer.compliance.model.Consent;
import com.revos.voice.dialer.compliance.model.ConsentType;
import com.revos.voice.dialer.compliance.model.ContactFacts;
import com.revos.voice.dialer.compliance.model.DialFacts;
import com.revos.voice.dialer.compliance.model.Purpose;
import com.revos.voice.events.CallingWindow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.jspecify.annotations.Nullable;

/** The attempt, its contact and campaign, the tenant's list and the number's recent calls, read for a decision. */
final class JdbcDialRecords implements DialRecords {

    /** The number's lock, {@code revos-frequency:<tenant>:<number>}: the same key whichever statement takes it. */
    private static final String LOCK_PREFIX = "revos-frequency:";

    private final JdbcTemplate jdbc;

    JdbcDialRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Attempted> attempt(UUID callId) {
        return jdbc.query("""
                SELECT c.id, c.tenant_id, c.campaign_id, c.contact_id, c.attempt, c.to_number,
                       k.us_state, k.postal_code, k.time_zone, k.consent_type, k.consent_source, k.consent_obtained_at,
                       p.window_start, p.window_end, p.window_days, p.purpose
                FROM calls c LEFT JOIN contacts k ON k.id = c.contact_id LEFT JOIN campaigns p ON p.id = c.campaign_id
                WHERE c.id = ?""", (rs, n) -> attempted(rs), callId).stream().findFirst();
    }

    @Override
    public Optional<AtSend> attemptAtSend(UUID callId, Instant now) {
        return jdbc.query("""
                SELECT c.id, c.tenant_id, c.campaign_id, c.contact_id, c.attempt, c.to_number,
                       k.us_state, k.postal_code, k.time_zone, k.consent_type, k.consent_source, k.consent_obtained_at,
                       p.window_start, p.window_end, p.window_days, p.purpose,
                       s.phone IS NOT NULL AS suppressed, s.reason, s.source, COALESCE(v.version, 0) AS list_version,
                       pg_advisory_xact_lock(hashtext('%s' || c.tenant_id || ':' || c.to_number)) AS locked
                FROM calls c LEFT JOIN contacts k ON k.id = c.contact_id LEFT JOIN campaigns p ON p.id = c.campaign_id
                LEFT JOIN suppressions s ON s.tenant_id = c.tenant_id AND s.phone = c.to_number
                LEFT JOIN suppression_versions v ON v.tenant_id = c.tenant_id
                WHERE c.id = ?""".formatted(LOCK_PREFIX), (rs, n) -> new AtSend(attempted(rs),
                new DialFacts.SuppressionStatus(rs.getBoolean("suppressed"), reason(rs.getString("reason"),
                        rs.getString("source")), rs.getLong("list_version"), now)), callId).stream().findFirst();
    }

    private static Attempted attempted(ResultSet rs) throws SQLException {
        var campaignId = rs.getObject("campaign_id", UUID.class);
        var contact = new ContactFacts(rs.getString("us_state"), rs.getString("postal_code"), zone(rs.getString(
                "time_zone")), new Consent(ConsentType.parse(rs.getString("consent_type")).orElse(ConsentType.NONE),
                rs.getString("consent_source"), instant(rs.getTimestamp("consent_obtained_at"))));
        CallingWindow window = null;
        Purpose purpose = null;
        if (campaignId != null && rs.getString("window_days") != null) {
            window = new CallingWindow(rs.getInt("window_start"), rs.getInt("window_end"),
                    days(rs.getString("window_days")));
            purpose = Purpose.parse(rs.getString("purpose")).orElse(Purpose.MARKETING);
        }
        return new Attempted(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class), campaignId,
                rs.getObject("contact_id", UUID.class), rs.getInt("attempt"), rs.getString("to_number"), contact,
                window, purpose);
    }

    @Override
    public DialFacts.SuppressionStatus suppression(UUID tenantId, String toNumber, Instant now) {
        return jdbc.queryForObject("""
                SELECT s.phone IS NOT NULL, s.reason, s.source, COALESCE(v.version, 0)
                FROM (SELECT 1) one
                LEFT JOIN suppressions s ON s.tenant_id = ? AND s.phone = ?
                LEFT JOIN suppression_versions v ON v.tenant_id = ?""",
                (rs, n) -> new DialFacts.SuppressionStatus(rs.getBoolean(1), reason(rs.getString(2), rs.getString(3)),
                        rs.getLong(4), now), tenantId, toNumber, tenantId);
    }

    @Override
    public List<Instant> placedSince(UUID tenantId, String toNumber, Instant since) {
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext(?))", Object.class,
                LOCK_PREFIX + tenantId + ":" + toNumber);
        return placedSinceUnderLock(tenantId, toNumber, since);
    }

    @Override
    public List<Instant> placedSinceUnderLock(UUID tenantId, String toNumber, Instant since) {
        return jdbc.query("""
                SELECT sent_at FROM calls
                WHERE tenant_id = ? AND to_number = ? AND sent_at > ? AND state NOT IN ('requested', 'not_placed')
                ORDER BY sent_at""", (rs, n) -> rs.getTimestamp(1).toInstant(), tenantId, toNumber,
                Timestamp.from(since));
    }

    private static @Nullable String reason(@Nullable String reason, @Nullable String source) {
        if (reason == null && source == null) {
            return null;
        }
        return (reason == null ? "no reason given" : reason) + (source == null ? "" : " (source: " + source + ")");
    }

    private static @Nullable ZoneId zone(@Nullable String text) {
        try {
            return text == null ? null : ZoneId.of(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static @Nullable Instant instant(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    private static java.util.Set<DayOfWeek> days(String text) {
        return Arrays.stream(text.split(",")).filter(s -> !s.isBlank()).map(DayOfWeek::valueOf)
                .collect(Collectors.toSet());
    }
}
