package com.revos.voice.testsupport;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What the database says about row-level security in the service's schema (ADR 0007), so that a test can hold every
 * table with a {@code tenant_id} to the tenant policy: a table added later without it fails the build.
 */
public final class TenantPolicies {

    private static final String TABLES_WITH_TENANT_ID = """
            SELECT c.table_name FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = current_schema() AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'""";

    /** FORCEd, with the NULLIF policy both for what is read and what is written. */
    private static final String FORCED_UNDER_THE_TENANT_POLICY = """
            SELECT k.relname FROM pg_class k
            JOIN pg_policies p ON p.schemaname = current_schema() AND p.tablename = k.relname
            WHERE k.relnamespace = current_schema()::regnamespace AND k.relrowsecurity AND k.relforcerowsecurity
              AND p.policyname = 'tenant_isolation' AND p.with_check = p.qual
              AND p.qual = '(tenant_id = (NULLIF(current_setting(''app.tenant_id''::text, true), ''''::text))::uuid)'
            """;

    private TenantPolicies() {
    }

    public static List<String> tablesWithTenantId(DataSource database) {
        return names(database, TABLES_WITH_TENANT_ID);
    }

    public static List<String> tablesForcedUnderTheTenantPolicy(DataSource database) {
        return names(database, FORCED_UNDER_THE_TENANT_POLICY);
    }

    private static List<String> names(DataSource database, String query) {
        try (var connection = database.getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery(query)) {
            var names = new ArrayList<String>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the schema's row-level security", e);
        }
    }
}
