package com.revos.voice.provisioning.phonenumber.infrastructure;

import com.revos.voice.values.Page;
import com.revos.voice.values.PageWindow;
import com.revos.voice.provisioning.phonenumber.application.TenantNumberRepository;
import com.revos.voice.provisioning.phonenumber.model.TenantNumber;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/** Queries name the tenant explicitly as well: row-level security is the second line, not the only one. */
final class JdbcTenantNumberRepository implements TenantNumberRepository {

    private static final String COLUMNS = "id, tenant_id, pool_id, e164, twilio_sid, country, area_code, purchased, "
            + "provider_phone_number_id, agent_id, assigned_at, imported_at, attached_at";

    private final JdbcTemplate jdbc;

    JdbcTenantNumberRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(TenantNumber n) {
        jdbc.update("INSERT INTO phone_numbers (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                n.id(), n.tenantId(), n.poolId(), n.e164(), n.twilioSid(), n.country(), n.areaCode(), n.purchased(),
                n.providerPhoneNumberId(), n.agentId(), timestamp(n.assignedAt()), timestamp(n.importedAt()),
                timestamp(n.attachedAt()));
    }

    @Override
    public Optional<TenantNumber> find(UUID tenantId, UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM phone_numbers WHERE tenant_id = ? AND id = ?",
                JdbcTenantNumberRepository::number, tenantId, id).stream().findFirst();
    }

    @Override
    public Page<TenantNumber> page(UUID tenantId, PageWindow window) {
        var items = jdbc.query("SELECT " + COLUMNS + " FROM phone_numbers WHERE tenant_id = ? "
                + "ORDER BY assigned_at, id LIMIT ? OFFSET ?", JdbcTenantNumberRepository::number, tenantId,
                window.limit(), window.offset());
        var total = jdbc.queryForObject("SELECT count(*) FROM phone_numbers WHERE tenant_id = ?", Long.class,
                tenantId);
        return new Page<>(items, window.limit(), window.offset(), total == null ? 0 : total);
    }

    @Override
    public void update(TenantNumber n) {
        jdbc.update("UPDATE phone_numbers SET provider_phone_number_id = ?, agent_id = ?, imported_at = ?, "
                + "attached_at = ? WHERE tenant_id = ? AND id = ?", n.providerPhoneNumberId(), n.agentId(),
                timestamp(n.importedAt()), timestamp(n.attachedAt()), n.tenantId(), n.id());
    }

    @Override
    public void delete(UUID tenantId, UUID id) {
        jdbc.update("DELETE FROM phone_numbers WHERE tenant_id = ? AND id = ?", tenantId, id);
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static TenantNumber number(ResultSet rs, int row) throws SQLException {
        return new TenantNumber(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getString(9),
                rs.getObject(10, UUID.class), rs.getTimestamp(11).toInstant(), instant(rs.getTimestamp(12)),
                instant(rs.getTimestamp(13)));
    }
}
