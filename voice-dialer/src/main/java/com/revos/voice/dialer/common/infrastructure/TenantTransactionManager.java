package com.revos.voice.dialer.common.infrastructure;

import com.revos.voice.service.TenantContext;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Every transaction begun while a tenant request is served (its tenant checked by the membership interceptor) runs
 * as the restricted role {@value #TENANT_ROLE} with {@code app.tenant_id} set, both transaction-local (ADR 0007):
 * row-level security then applies even where the service connects as a superuser (local stack, tests). All other
 * transactions (dispatcher, consumers, reconciler, relay) are cross-tenant by nature and run as the service's user.
 */
final class TenantTransactionManager extends JdbcTransactionManager {

    static final String TENANT_ROLE = "dialer_tenant";

    TenantTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        var tenant = TenantContext.current();
        if (tenant.isEmpty()) {
            return;
        }
        try (var role = connection.createStatement()) {
            role.execute("SET LOCAL ROLE " + TENANT_ROLE);
        }
        try (var setting = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
            setting.setString(1, tenant.get().toString());
            setting.execute();
        }
    }
}
