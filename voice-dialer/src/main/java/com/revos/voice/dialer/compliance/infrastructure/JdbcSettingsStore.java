package com.revos.voice.dialer.compliance.infrastructure;

import com.revos.voice.dialer.compliance.application.SettingsStore;
import com.revos.voice.dialer.compliance.model.SettingsChange;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code tenant_compliance_settings}: one row per tenant that set its own; a NULL column takes the operator's. */
final class JdbcSettingsStore implements SettingsStore {

    private final JdbcTemplate jdbc;

    JdbcSettingsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Stored> find(UUID tenantId) {
        return jdbc.query("SELECT calls_per24h, written_consent_for_marketing, updated_at, updated_by "
                        + "FROM tenant_compliance_settings WHERE tenant_id = ?",
                (rs, n) -> new Stored(new SettingsChange(rs.getObject(1, Integer.class), rs.getObject(2, Boolean.class)),
                        rs.getTimestamp(3).toInstant(), rs.getString(4)), tenantId).stream().findFirst();
    }

    @Override
    public void save(UUID tenantId, SettingsChange settings, Instant at, String by) {
        jdbc.update("INSERT INTO tenant_compliance_settings (tenant_id, calls_per24h, written_consent_for_marketing, "
                + "updated_at, updated_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant_id) DO UPDATE SET "
                + "calls_per24h = EXCLUDED.calls_per24h, written_consent_for_marketing = "
                + "EXCLUDED.written_consent_for_marketing, updated_at = EXCLUDED.updated_at, "
                + "updated_by = EXCLUDED.updated_by", tenantId, settings.callsPer24h(),
                settings.writtenConsentForMarketing(), Timestamp.from(at), by);
    }
}
