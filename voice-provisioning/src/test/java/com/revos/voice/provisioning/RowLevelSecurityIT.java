package com.revos.voice.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.revos.voice.provisioning.common.application.Transactions;
import com.revos.voice.service.TenantContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** PostgreSQL row-level security, the second line behind the tenant filters of the queries. */
@ProvisioningIntegrationTest
class RowLevelSecurityIT {

    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    Transactions tenantTransactions;

    @Test
    void a_tenant_transaction_without_a_tenant_sees_no_tenant_rows() {
        var jdbc = new JdbcTemplate(dataSource);
        var tenantA = UUID.randomUUID();
        var tenantB = UUID.randomUUID();
        insertAgent(jdbc, tenantA);
        insertAgent(jdbc, tenantB);
        var transactions = new TransactionTemplate(transactionManager);

        var withoutTenant = transactions.execute(status -> {
            jdbc.execute("SET LOCAL ROLE provisioning_tenant");
            return jdbc.queryForObject("SELECT count(*) FROM agents", Long.class) + jdbc.queryForObject(
                    "SELECT count(*) FROM phone_numbers", Long.class);
        });
        var asTenantA = transactions.execute(status -> {
            jdbc.execute("SET LOCAL ROLE provisioning_tenant");
            jdbc.queryForObject("SELECT set_config('app.tenant_id', ?, true)", String.class, tenantA.toString());
            return jdbc.queryForList("SELECT DISTINCT tenant_id FROM agents", UUID.class);
        });

        assertThat(jdbc.queryForObject("SELECT count(*) FROM agents", Long.class)).isGreaterThanOrEqualTo(2);
        assertThat(withoutTenant).isZero();
        assertThat(asTenantA).containsExactly(tenantA);
    }

    @Test
    void a_tenant_transaction_cannot_write_another_tenants_rows() {
        var jdbc = new JdbcTemplate(dataSource);
        var transactions = new TransactionTemplate(transactionManager);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL ROLE provisioning_tenant");
            jdbc.queryForObject("SELECT set_config('app.tenant_id', ?, true)", String.class,
                    UUID.randomUUID().toString());
            insertAgent(jdbc, UUID.randomUUID());
        })).rootCause().hasMessageContaining("row-level security");
    }

    @Test
    void the_use_cases_tenant_transactions_see_and_write_only_that_tenants_rows() {
        var jdbc = new JdbcTemplate(dataSource);
        var tenantA = UUID.randomUUID();
        var tenantB = UUID.randomUUID();
        insertAgent(jdbc, tenantA);
        insertAgent(jdbc, tenantB);
        insertIdempotencyKey(jdbc, tenantA);
        insertIdempotencyKey(jdbc, tenantB);

        var agentsSeen = tenantTransactions.inTenant(tenantA,
                () -> jdbc.queryForList("SELECT DISTINCT tenant_id FROM agents", UUID.class));
        var keysSeen = tenantTransactions.inTenant(tenantA,
                () -> jdbc.queryForList("SELECT DISTINCT tenant_id FROM idempotency_keys", UUID.class));

        assertThat(agentsSeen).containsExactly(tenantA);
        assertThat(keysSeen).containsExactly(tenantA);
        assertThatThrownBy(() -> tenantTransactions.inTenant(tenantA, () -> {
            insertAgent(jdbc, tenantB);
            return null;
        })).rootCause().hasMessageContaining("row-level security");
    }

    @Test
    void a_tenant_transaction_for_a_tenant_other_than_the_requests_is_refused() {
        var requestsTenant = UUID.randomUUID();

        assertThatThrownBy(() -> TenantContext.runAs(requestsTenant,
                () -> tenantTransactions.inTenant(UUID.randomUUID(), () -> null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("other than the request's");
    }

    @Test
    void the_requests_tenant_stays_current_after_a_transaction_for_it_and_none_after_the_request() {
        var requestsTenant = UUID.randomUUID();

        var afterTheTransaction = TenantContext.runAs(requestsTenant, () -> {
            tenantTransactions.inTenant(requestsTenant, () -> null);
            return TenantContext.current();
        });

        assertThat(afterTheTransaction).contains(requestsTenant);
        assertThat(TenantContext.current()).isEmpty();
    }

    private static void insertIdempotencyKey(JdbcTemplate jdbc, UUID tenant) {
        jdbc.update("INSERT INTO idempotency_keys (tenant_id, key, fingerprint, state) VALUES (?, ?, 'f', 'done')",
                tenant, "rls-" + UUID.randomUUID());
    }

    private static void insertAgent(JdbcTemplate jdbc, UUID tenant) {
        jdbc.update("INSERT INTO agents (id, tenant_id, template_id, name, provider_agent_id, language, voice_id, "
                + "prompt, first_message, created_at) VALUES (?, ?, 'customer-survey', 'rls', ?, 'en', 'v', 'p', 'f', ?)",
                UUID.randomUUID(), tenant, "agent_rls_" + UUID.randomUUID(), Timestamp.from(Instant.now()));
    }
}
