package com.revos.voice.plumbing.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/** Inspects and drops logical replication slots, so that none is left retaining WAL when it should not. */
public class ReplicationSlots {

    private static final Logger log = LoggerFactory.getLogger(ReplicationSlots.class);

    private final JdbcTemplate jdbc;

    public ReplicationSlots(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String slotName) {
        var count = jdbc.queryForObject("SELECT count(*) FROM pg_replication_slots WHERE slot_name = ?",
                Integer.class, slotName);
        return count != null && count > 0;
    }

    public void drop(String slotName) {
        try {
            // the walsender lets go of the slot a moment after the engine closed
            var deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (isActive(slotName) && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
            }
            jdbc.queryForList("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots "
                    + "WHERE slot_name = ? AND NOT active", slotName);
            jdbc.execute("DROP PUBLICATION IF EXISTS " + quoteIdent(slotName + "_pub"));
        } catch (RuntimeException e) {
            log.warn("Could not drop replication slot {}: {}", slotName, e.getMessage());
        }
    }

    private boolean isActive(String slotName) {
        var count = jdbc.queryForObject("SELECT count(*) FROM pg_replication_slots WHERE slot_name = ? AND active",
                Integer.class, slotName);
        return count != null && count > 0;
    }

    private static String quoteIdent(String name) {
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("Unexpected slot name: " + name);
        }
        return name;
    }
}
