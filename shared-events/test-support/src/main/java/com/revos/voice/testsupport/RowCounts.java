package com.revos.voice.testsupport;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

/** Row counts of a schema in the test database: equal before and after means nothing was left. */
public final class RowCounts {

    private RowCounts() {
    }

    /**
     * The rows of the given tenants in every table of the schema that has a {@code tenant_id} column (the outbox and
     * the Idempotency-Keys included), by table: other tests' background work does not move these.
     */
    public static Map<String, Long> ofTenants(String schema, java.util.UUID... tenants) {
        try (var connection = DriverManager.getConnection(RealInfrastructure.jdbcUrl())) {
            var tables = new ArrayList<String>();
            try (var statement = connection.prepareStatement("SELECT table_name FROM information_schema.columns "
                    + "WHERE table_schema = ? AND column_name = 'tenant_id'")) {
                statement.setString(1, schema);
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
            }
            var counts = new TreeMap<String, Long>();
            for (var table : tables) {
                try (var statement = connection.prepareStatement("SELECT count(*) FROM " + schema + ".\"" + table
                        + "\" WHERE tenant_id = ANY (?)")) {
                    statement.setArray(1, connection.createArrayOf("uuid", tenants));
                    try (var rows = statement.executeQuery()) {
                        rows.next();
                        counts.put(table, rows.getLong(1));
                    }
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the rows of schema " + schema, e);
        }
    }

    public static Map<String, Long> of(String schema) {
        try (var connection = DriverManager.getConnection(RealInfrastructure.jdbcUrl())) {
            var tables = new ArrayList<String>();
            try (var statement = connection.prepareStatement("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = ? AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'flyway%'")) {
                statement.setString(1, schema);
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
            }
            var counts = new TreeMap<String, Long>();
            for (var table : tables) {
                try (var statement = connection.createStatement();
                     var rows = statement.executeQuery("SELECT count(*) FROM " + schema + ".\"" + table + "\"")) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the rows of schema " + schema, e);
        }
    }
}
