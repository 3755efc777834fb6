package com.revos.voice.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.revos.voice.optimizer.campaign.application.DecisionLog;
import com.revos.voice.optimizer.it.OptimizerIntegrationTest;
import com.revos.voice.optimizer.policy.application.PolicyRepository;
import com.revos.voice.optimizer.policy.model.OptimizerPolicy;
import com.revos.voice.service.TenantContext;
import com.revos.voice.testsupport.TenantPolicies;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PostgreSQL row-level security behind the tenant filters of the policy API and the decision trail (ADR 0007): the
 * transactions of a tenant request run as {@code optimizer_tenant} with the tenant set, and there a query that names
 * no tenant sees that tenant's rows only; the rules, which run across tenants, see them all.
 */
@OptimizerIntegrationTest
class RowLevelSecurityIT {

    private static final List<String> TENANT_TABLES = List.of("optimizer_policies", "kernel_events",
            "kernel_decisions", "kernel_actions", "idempotency_keys", "outbox");
    private static final List<String> TRAIL_AND_POLICIES = TENANT_TABLES.subList(0, 4);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DataSource database;
    @Autowired
    DecisionLog decisions;
    @Autowired
    PolicyRepository policies;

    @Test
    void in_a_tenant_request_a_query_without_a_tenant_filter_sees_only_that_tenants_trail_and_policy() {
        var tenant = aTenantWithAPolicyAndADecision();
        aTenantWithAPolicyAndADecision();

        var asTheTenant = TenantContext.runAs(tenant, () -> transactions.execute(status -> tenantsPerTable()));
        var asTheRules = transactions.execute(status -> tenantsPerTable());

        assertThat(asTheTenant).allSatisfy((table, tenants) -> assertThat(tenants).as(table).containsExactly(tenant));
        assertThat(asTheRules).allSatisfy((table, tenants) -> assertThat(tenants).as(table).hasSizeGreaterThan(1));
    }

    @Test
    void a_tenant_request_cannot_write_another_tenants_policy() {
        var another = UUID.randomUUID();

        assertThatThrownBy(() -> TenantContext.runAs(UUID.randomUUID(), () -> {
            policies.save(another, OptimizerPolicy.DEFAULT);
            return null;
        })).rootCause().hasMessageContaining("row-level security");
        assertThat(policies.find(another)).isEmpty();
    }

    @Test
    void every_table_with_a_tenant_id_is_forced_under_the_tenant_policy() {
        var withTenantId = TenantPolicies.tablesWithTenantId(database);
        var forcedUnderThePolicy = TenantPolicies.tablesForcedUnderTheTenantPolicy(database);

        assertThat(withTenantId).containsExactlyInAnyOrderElementsOf(TENANT_TABLES);
        assertThat(forcedUnderThePolicy).containsExactlyInAnyOrderElementsOf(withTenantId);
    }

    /** A tenant with its own policy (through its API's repository) and a stop-loss pause in its trail. */
    private UUID aTenantWithAPolicyAndADecision() {
        var tenant = UUID.randomUUID();
        TenantContext.runAs(tenant, () -> {
            policies.save(tenant, OptimizerPolicy.DEFAULT);
            return null;
        });
        var pause = Decisions.aStopLossPause(tenant, UUID.randomUUID());
        decisions.record(pause.decision(), UUID.randomUUID(), pause.hourlyConnectRates());
        return tenant;
    }

    private Map<String, List<UUID>> tenantsPerTable() {
        var tenants = new LinkedHashMap<String, List<UUID>>();
        TRAIL_AND_POLICIES.forEach(table -> tenants.put(table,
                jdbc.queryForList("SELECT DISTINCT tenant_id FROM " + table, UUID.class)));
        return tenants;
    }
}
