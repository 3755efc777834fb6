package com.revos.voice.provisioning.common.infrastructure;

import com.revos.voice.provisioning.common.application.Transactions;
import com.revos.voice.service.TenantContext;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tenant transactions switch to the restricted role {@value #TENANT_ROLE} and set {@code app.tenant_id}, both
 * transaction-local: row-level security then applies even where the service connects as a superuser (local stack,
 * tests), on top of FORCE ROW LEVEL SECURITY for deployments that connect as the non-superuser table owner.
 */
final class JdbcTransactions implements Transactions {

    static final String TENANT_ROLE = "provisioning_tenant";

    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    JdbcTransactions(TransactionTemplate transactions, JdbcTemplate jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @Override
    public <T> T inTenant(UUID tenantId, Supplier<T> work) {
        // the membership interceptor checked the request's tenant: a use case must never run for another one
        TenantContext.current().filter(checked -> !checked.equals(tenantId)).ifPresent(checked -> {
            throw new IllegalStateException("Tenant transaction for a tenant other than the request's");
        });
        return transactions.execute(status -> {
            jdbc.execute("SET LOCAL ROLE " + TENANT_ROLE);
            jdbc.queryForObject("SELECT set_config('app.tenant_id', ?, true)", String.class, tenantId.toString());
            return work.get();
        });
    }

    @Override
    public <T> T asOperator(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }
}
