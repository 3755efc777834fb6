package com.revos.voice.dialer.suppression.infrastructure;

import com.revos.voice.dialer.compliance.application.OptOutList;
import com.revos.voice.dialer.suppression.application.SuppressionList;
import java.sql.Array;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's do-not-call list. Each entry keeps its reason and its source: {@code api} (added by the tenant) or
 * {@code call} (an opt-out said during the call it names).
 */
class Suppressions implements SuppressionList, OptOutList {

    private final JdbcTemplate jdbc;

    Suppressions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Entry(String phone, @Nullable String reason, String source, @Nullable UUID callId,

                 java.time.@Nullable Instant createdAt) {
    }

    boolean add(UUID tenantId, String phone, @Nullable String reason) {
        return jdbc.update("INSERT INTO suppressions (tenant_id, phone, reason) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                tenantId, phone, reason) == 1;
    }

    boolean remove(UUID tenantId, String phone) {
        return jdbc.update("DELETE FROM suppressions WHERE tenant_id = ? AND phone = ?", tenantId, phone) == 1;
    }

    /** In the caller's transaction, so that the outcome and the opt-out it carried commit together. */
    @Override
    public boolean optOut(UUID tenantId, String phone, String reason, String source, UUID callId) {
        return jdbc.update("INSERT INTO suppressions (tenant_id, phone, reason, source, call_id) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", tenantId, phone, reason, source, callId) == 1;
    }

    List<Entry> list(UUID tenantId, int limit, int offset) {
        return jdbc.query("SELECT phone, reason, source, call_id, created_at FROM suppressions WHERE tenant_id = ? "
                        + "ORDER BY created_at, phone LIMIT ? OFFSET ?",
                (rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getTimestamp(5).toInstant()),
                tenantId, limit, offset);
    }

    long count(UUID tenantId) {
        return java.util.Objects.requireNonNull(jdbc.queryForObject(
                "SELECT count(*) FROM suppressions WHERE tenant_id = ?", Long.class, tenantId), "count(*) is one row");
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
