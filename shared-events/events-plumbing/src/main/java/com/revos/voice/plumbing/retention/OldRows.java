package com.revos.voice.plumbing.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes the rows of one table whose time column is before a cutoff, a batch per statement. One statement over a
 * day of rows (a million at a few hundred events a second) would hold its locks and its snapshot for as long as it
 * ran, hold back every vacuum meanwhile, and hand the WAL readers one huge transaction; batches of a few thousand
 * rows keep each delete short. The time column wants an index (a BRIN index is enough: rows arrive in time order).
 */
public final class OldRows {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final String deleteBatch;

    /** {@code table} and {@code timeColumn} are our own identifiers, never input: they are checked, not quoted. */
    public OldRows(JdbcTemplate jdbc, String table, String timeColumn) {
        this.jdbc = jdbc;
        this.deleteBatch = "DELETE FROM " + identifier(table) + " WHERE ctid = ANY (ARRAY (SELECT ctid FROM "
                + identifier(table) + " WHERE " + identifier(timeColumn) + " < ? LIMIT " + BATCH + "))";
    }

    /** Deletes every row before {@code cutoff}, in batches, each its own statement; returns how many. */
    public long deleteBefore(Instant cutoff) {
        var at = Timestamp.from(cutoff);
        long deleted = 0;
        int batch;
        do {
            batch = jdbc.update(deleteBatch, at);
            deleted += batch;
        } while (batch == BATCH);
        return deleted;
    }

    private static String identifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain identifier: " + name);
        }
        return name;
    }
}
