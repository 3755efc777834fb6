package com.revos.voice.optimizer.policy.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.revos.voice.events.EventJson;
import com.revos.voice.optimizer.policy.application.PolicyRepository;
import com.revos.voice.optimizer.policy.model.OptimizerPolicy;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Policies as JSON in {@code optimizer_policies}, one row per tenant, under row-level security. */
class JdbcPolicyRepository implements PolicyRepository {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    JdbcPolicyRepository(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public Optional<OptimizerPolicy> find(UUID tenantId) {
        var found = transactions.execute(status -> jdbc.query(
                "SELECT policy FROM optimizer_policies WHERE tenant_id = ?", (rs, row) -> read(rs.getString(1)),
                tenantId).stream().findFirst());
        return found == null ? Optional.empty() : found;
    }

    @Override
    public void save(UUID tenantId, OptimizerPolicy policy) {
        transactions.executeWithoutResult(status -> {
            jdbc.update("""
                    INSERT INTO optimizer_policies (tenant_id, policy, updated_at) VALUES (?, ?::jsonb, now())
                    ON CONFLICT (tenant_id) DO UPDATE SET policy = EXCLUDED.policy, updated_at = now()
                    """, tenantId, write(policy));
        });
    }

    private static String write(OptimizerPolicy policy) {
        try {
            return EventJson.mapper().writeValueAsString(PolicyDto.of(policy));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OptimizerPolicy read(String json) {
        try {
            return EventJson.mapper().readValue(json, PolicyDto.class).toPolicy(new ArrayList<>());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
