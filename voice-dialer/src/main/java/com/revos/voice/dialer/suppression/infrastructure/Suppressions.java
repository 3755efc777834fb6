package com.revos.voice.dialer.suppression.infrastructure;

import com.revos.voice.dialer.suppression.application.SuppressionList;
import java.sql.Array;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** A tenant's do-not-call list. */
class Suppressions implements SuppressionList {

    private final JdbcTemplate jdbc;

    Suppressions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(String phone, String reason, java.time.Instant createdAt) {
    }

    boolean add(UUID tenantId, String phone, String reason) {
        return jdbc.update("INSERT INTO suppressions (tenant_id, phone, reason) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                tenantId, phone, reason) == 1;
    }

    boolean remove(UUID tenantId, String phone) {
        return jdbc.update("DELETE FROM suppressions WHERE tenant_id = ? AND phone = ?", tenantId, phone) == 1;
    }

    List<Entry> list(UUID tenantId, int limit, int offset) {
        return jdbc.query("SELECT phone, reason, created_at FROM suppressions WHERE tenant_id = ? ORDER BY created_at, "
                        + "phone LIMIT ? OFFSET ?",
                (rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()),
                tenantId, limit, offset);
    }

    long count(UUID tenantId) {
        return jdbc.queryForObject("SELECT count(*) FROM suppressions WHERE tenant_id = ?", Long.class, tenantId);
    }

    @Override
    public boolean isSuppressed(UUID tenantId, String phone) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM suppressions WHERE tenant_id = ? AND phone = ?)", Boolean.class,
                tenantId, phone));
    }

    @Override
    public Set<String> suppressedAmong(UUID tenantId, Collection<String> phones) {
        if (phones.isEmpty()) {
            return Set.of();
        }
        return jdbc.execute((java.sql.Connection connection) -> {
            Array array = connection.createArrayOf("text", phones.toArray());
            try (var statement = connection.prepareStatement(
                    "SELECT phone FROM suppressions WHERE tenant_id = ? AND phone = ANY (?)")) {
                statement.setObject(1, tenantId);
                statement.setArray(2, array);
                var result = new HashSet<String>();
                try (var rs = statement.executeQuery()) {
                    while (rs.next()) {
                        result.add(rs.getString(1));
                    }
                }
                return result;
            }
        });
    }
}
