package com.revos.voice.provisioning.agent.infrastructure;

import com.revos.voice.provisioning.agent.application.AgentRepository;
import com.revos.voice.provisioning.agent.model.Agent;
import com.revos.voice.values.Page;
import com.revos.voice.values.PageWindow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Queries name the tenant explicitly as well: row-level security is the second line, not the only one. */
final class JdbcAgentRepository implements AgentRepository {

    private static final String COLUMNS = "id, tenant_id, template_id, name, provider_agent_id, language, voice_id, "
            + "prompt, first_message, created_at";

    private final JdbcTemplate jdbc;

    JdbcAgentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Agent agent) {
        jdbc.update("INSERT INTO agents (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", agent.id(),
                agent.tenantId(), agent.templateId(), agent.name(), agent.providerAgentId(), agent.language(),
                agent.voiceId(), agent.prompt(), agent.firstMessage(), Timestamp.from(agent.createdAt()));
    }

    @Override
    public Optional<Agent> find(UUID tenantId, UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM agents WHERE tenant_id = ? AND id = ?", JdbcAgentRepository::agent,
                tenantId, id).stream().findFirst();
    }

    @Override
    public Page<Agent> page(UUID tenantId, PageWindow window) {
        var items = jdbc.query("SELECT " + COLUMNS + " FROM agents WHERE tenant_id = ? ORDER BY created_at, id "
                + "LIMIT ? OFFSET ?", JdbcAgentRepository::agent, tenantId, window.limit(), window.offset());
        var total = jdbc.queryForObject("SELECT count(*) FROM agents WHERE tenant_id = ?", Long.class, tenantId);
        return new Page<>(items, window.limit(), window.offset(), total == null ? 0 : total);
    }

    @Override
    public void delete(UUID tenantId, UUID id) {
        jdbc.update("DELETE FROM agents WHERE tenant_id = ? AND id = ?", tenantId, id);
    }

    private static Agent agent(ResultSet rs, int row) throws SQLException {
        return new Agent(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getTimestamp(10).toInstant());
    }
}
