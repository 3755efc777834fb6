package com.revos.voice.service;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The service's JdbcTemplate under row-level security. While a tenant is current, a statement outside a transaction
 * would run as the service's own user, which row-level security does not restrict; it is refused, so that every
 * tenant path goes through a transaction, which {@link TenantTransactionManager} runs as the tenant role.
 */
final class TransactionalTenantJdbcTemplate extends JdbcTemplate {

    TransactionalTenantJdbcTemplate(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected DataSource obtainDataSource() {
        if (TenantContext.current().isPresent() && !TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A tenant's work used the database outside a transaction, where "
                    + "row-level security would not apply; run it in a transaction");
        }
        return super.obtainDataSource();
    }
}
