package com.revos.voice.provisioning.common.infrastructure;

import com.revos.voice.provisioning.common.application.Transactions;
import com.revos.voice.service.TenantContext;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A tenant transaction runs with its tenant current, which service-support's transaction manager turns into the
 * tenant role and {@code app.tenant_id} ({@code revos.security.tenant-role}, ADR 0007). Naming the tenant here rather
 * than relying on the request's keeps the use cases correct wherever they run; a tenant other than the request's
 * checked one is refused there.
 */
final class JdbcTransactions implements Transactions {

    private final TransactionTemplate transactions;

    JdbcTransactions(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T inTenant(UUID tenantId, Supplier<T> work) {
        return TenantContext.runAs(tenantId, () -> transactions.execute(status -> work.get()));
    }

    @Override
    public <T> T asOperator(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }
}
