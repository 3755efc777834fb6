package com.revos.voice.dialer.directory.infrastructure;

import com.revos.voice.events.ProvisioningEvent;
import com.revos.voice.dialer.common.application.DialerException;
import com.revos.voice.dialer.directory.application.Directory;
import com.revos.voice.dialer.directory.model.Dialable;
import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dialer's read model of voice-provisioning (agents and numbers per tenant), and the ownership checks made
 * against it. Each event carries the full state it changes, so applying it is an upsert.
 */
final class JdbcDirectory implements Directory {

    private final JdbcTemplate jdbc;

    JdbcDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void apply(ProvisioningEvent event) {
        switch (event) {
            case ProvisioningEvent.AgentDeployed e -> jdbc.update("""
                    INSERT INTO agents (id, tenant_id, name, provider_agent_id, updated_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET name = excluded.name, provider_agent_id = excluded.provider_agent_id,
                        deleted = false, updated_at = excluded.updated_at""",
                    e.agentId(), e.tenantId(), e.name(), e.providerAgentId(), ts(e.deployedAt()));
            case ProvisioningEvent.AgentDeleted e -> jdbc.update("""
                    INSERT INTO agents (id, tenant_id, provider_agent_id, deleted, updated_at) VALUES (?, ?, ?, true, ?)
                    ON CONFLICT (id) DO UPDATE SET deleted = true, updated_at = excluded.updated_at""",
                    e.agentId(), e.tenantId(), e.providerAgentId(), ts(e.deletedAt()));
            case ProvisioningEvent.NumberAssigned e -> jdbc.update("""
                    INSERT INTO numbers (id, tenant_id, e164, updated_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET tenant_id = excluded.tenant_id, e164 = excluded.e164,
                        provider_phone_number_id = NULL, agent_id = NULL, released = false,
                        updated_at = excluded.updated_at""",
                    e.numberId(), e.tenantId(), e.e164(), ts(e.assignedAt()));
            case ProvisioningEvent.NumberImported e -> jdbc.update("""
                    INSERT INTO numbers (id, tenant_id, e164, provider_phone_number_id, updated_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET e164 = excluded.e164,
                        provider_phone_number_id = excluded.provider_phone_number_id, updated_at = excluded.updated_at""",
                    e.numberId(), e.tenantId(), e.e164(), e.providerPhoneNumberId(), ts(e.importedAt()));
            case ProvisioningEvent.NumberAgentAttached e -> jdbc.update("""
                    INSERT INTO numbers (id, tenant_id, provider_phone_number_id, agent_id, updated_at)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET agent_id = excluded.agent_id,
                        provider_phone_number_id = coalesce(excluded.provider_phone_number_id,
                                                            numbers.provider_phone_number_id),
                        updated_at = excluded.updated_at""",
                    e.numberId(), e.tenantId(), e.providerPhoneNumberId(), e.agentId(), ts(e.attachedAt()));
            case ProvisioningEvent.NumberReleased e -> jdbc.update("""
                    UPDATE numbers SET released = true, agent_id = NULL, provider_phone_number_id = NULL,
                        updated_at = ? WHERE id = ? AND tenant_id = ?""", ts(e.releasedAt()), e.numberId(), e.tenantId());
        }
    }

    @Override
    public Dialable dialable(UUID tenantId, UUID agentId, UUID numberId) {
        var agent = jdbc.query("SELECT provider_agent_id FROM agents WHERE id = ? AND tenant_id = ? AND NOT deleted",
                (rs, n) -> rs.getString(1), agentId, tenantId);
        if (agent.isEmpty()) {
            throw DialerException.notFound("agent", "Agent " + agentId + " is not one of this tenant's agents");
        }
        var number = jdbc.query("""
                SELECT provider_phone_number_id, agent_id, e164 FROM numbers
                WHERE id = ? AND tenant_id = ? AND NOT released""",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, numberId, tenantId);
        if (number.isEmpty()) {
            throw DialerException.notFound("phone number", "Phone number " + numberId + " is not one of this tenant's");
        }
        var row = number.getFirst();
        if (row[0] == null || row[1] == null) {
            throw DialerException.conflict("Phone number " + numberId
                    + " must be imported into ElevenLabs and attached to an agent before it can place calls");
        }
        if (agent.getFirst() == null) {
            throw DialerException.conflict("Agent " + agentId + " has no provider agent id yet");
        }
        return new Dialable(agentId, agent.getFirst(), numberId, row[0], row[2]);
    }

    private static Timestamp ts(java.time.Instant instant) {
        return instant == null ? new Timestamp(System.currentTimeMillis()) : Timestamp.from(instant);
    }
}
