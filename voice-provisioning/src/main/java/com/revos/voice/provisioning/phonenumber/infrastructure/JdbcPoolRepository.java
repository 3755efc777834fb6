package com.revos.voice.provisioning.phonenumber.infrastructure;

import com.revos.voice.values.Page;
import com.revos.voice.values.PageWindow;
import com.revos.voice.provisioning.phonenumber.application.PoolRepository;
import com.revos.voice.provisioning.phonenumber.model.PoolNumber;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

final class JdbcPoolRepository implements PoolRepository {

    private static final String COLUMNS = "id, e164, twilio_sid, country, area_code, status, tenant_id, purchased, "
            + "added_at, assigned_at";

    /**
     * One statement: the sub-select locks the oldest matching free number and skips numbers other transactions hold,
     * so racing claims each get a different number, or none, at once (never wait, never double-assign).
     */
    private static final String CLAIM = """
            UPDATE phone_pool SET status = 'assigned', tenant_id = ?, assigned_at = ?
            WHERE id = (SELECT id FROM phone_pool
                        WHERE status = 'free' AND (?::text IS NULL OR country = ?) AND (?::text IS NULL OR area_code = ?)
                        ORDER BY added_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING\s""" + COLUMNS;

    private final JdbcTemplate jdbc;

    JdbcPoolRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(PoolNumber number) {
        jdbc.update("INSERT INTO phone_pool (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", number.id(),
                number.e164(), number.twilioSid(), number.country(), number.areaCode(),
                number.status().name().toLowerCase(Locale.ROOT), number.tenantId(), number.purchased(),
                Timestamp.from(number.addedAt()), number.assignedAt() == null ? null
                        : Timestamp.from(number.assignedAt()));
    }

    @Override
    public Set<String> existing(Collection<String> e164sOrSids) {
        if (e164sOrSids.isEmpty()) {
            return Set.of();
        }
        var keys = e164sOrSids.toArray(String[]::new);
        var found = new HashSet<String>();
        jdbc.query("SELECT e164, twilio_sid FROM phone_pool WHERE e164 = ANY (?) OR twilio_sid = ANY (?)", rs -> {
            found.add(rs.getString(1));
            found.add(rs.getString(2));
        }, keys, keys);
        return found;
    }

    @Override
    public Page<PoolNumber> page(PoolNumber.@Nullable Status status, PageWindow window) {
        var filter = status == null ? null : status.name().toLowerCase(Locale.ROOT);
        var items = jdbc.query("SELECT " + COLUMNS + " FROM phone_pool WHERE (?::text IS NULL OR status = ?) "
                + "ORDER BY added_at, id LIMIT ? OFFSET ?", JdbcPoolRepository::number, filter, filter,
                window.limit(), window.offset());
        var total = jdbc.queryForObject("SELECT count(*) FROM phone_pool WHERE (?::text IS NULL OR status = ?)",
                Long.class, filter, filter);
        return new Page<>(items, window.limit(), window.offset(), total == null ? 0 : total);
    }

    @Override
    public Optional<PoolNumber> claimFree(@Nullable String country, @Nullable String areaCode, UUID tenantId,
                                          Instant at) {
        return jdbc.query(CLAIM, JdbcPoolRepository::number, tenantId, Timestamp.from(at), country, country,
                areaCode, areaCode).stream().findFirst();
    }

    @Override
    public void free(UUID poolId) {
        jdbc.update("UPDATE phone_pool SET status = 'free', tenant_id = NULL, assigned_at = NULL WHERE id = ?",
                poolId);
    }

    private static PoolNumber number(ResultSet rs, int row) throws SQLException {
        var assignedAt = rs.getTimestamp(10);
        return new PoolNumber(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), PoolNumber.Status.valueOf(rs.getString(6).toUpperCase(Locale.ROOT)),
                rs.getObject(7, UUID.class), rs.getBoolean(8), rs.getTimestamp(9).toInstant(),
                assignedAt == null ? null : assignedAt.toInstant());
    }
}
