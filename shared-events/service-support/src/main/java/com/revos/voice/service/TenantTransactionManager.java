package com.revos.voice.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Every transaction begun while a tenant is current ({@link TenantContext}) runs as the service's restricted tenant
 * role with {@code app.tenant_id} set, both transaction-local (ADR 0007): row-level security then applies even where
 * the service connects as a superuser (local stack, tests). All other transactions (background work across tenants,
 * operator requests) run as the service's user.
 */
final class TenantTransactionManager extends JdbcTransactionManager {

    /** SET ROLE takes no bind parameter, so the name is spliced in: only a plain role name may be. */
    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final String tenantRole;

    TenantTransactionManager(DataSource dataSource, String tenantRole) {
        super(dataSource);
        if (!ROLE_NAME.matcher(tenantRole).matches()) {
            throw new IllegalArgumentException("revos.security.tenant-role must be a plain lower-case PostgreSQL "
                    + "role name, not '" + tenantRole + "'");
        }
        this.tenantRole = tenantRole;
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
            role.execute("SET LOCAL ROLE " + tenantRole);
        }
        try (var setting = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
            setting.setString(1, tenant.get().toString());
            setting.execute();
        }
    }
}
