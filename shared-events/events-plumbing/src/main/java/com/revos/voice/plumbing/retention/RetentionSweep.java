package com.revos.voice.plumbing.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes the rows of one table whose time column is older than the retention, a batch per statement. One statement
 * over a day of rows (a million at a few hundred events a second) would hold its snapshot for as long as it ran,
 * hold back every vacuum meanwhile, and hand the WAL readers one huge transaction; batches of a few thousand rows
 * keep each delete short. The time column wants an index (a BRIN index is enough: rows arrive in time order).
 */
public final class RetentionSweep {

    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final String table;
    private final String deleteBatch;
    private final Duration retention;
    private final Clock clock;

    /** {@code table} and {@code timeColumn} are our own identifiers, never input: they are checked, not quoted. */
    public RetentionSweep(JdbcTemplate jdbc, String table, String timeColumn, Duration retention, Clock clock) {
        this.jdbc = jdbc;
        this.table = identifier(table);
        this.deleteBatch = "DELETE FROM " + this.table + " WHERE ctid = ANY (ARRAY (SELECT ctid FROM " + this.table
                + " WHERE " + identifier(timeColumn) + " < ? LIMIT " + BATCH + "))";
        this.retention = retention;
        this.clock = clock;
    }

    /** Deletes every row older than the retention, in batches, each its own statement; returns how many. */
    public long sweep() {
        var cutoff = Timestamp.from(clock.instant().minus(retention));
        long deleted = 0;
        int batch;
        do {
            batch = jdbc.update(deleteBatch, cutoff);
            deleted += batch;
        } while (batch == BATCH);
        if (deleted > 0) {
            log.info("Deleted {} rows of {} older than {}", deleted, table, retention);
        }
        return deleted;
    }

    private static String identifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain identifier: " + name);
        }
        return name;
    }
}
