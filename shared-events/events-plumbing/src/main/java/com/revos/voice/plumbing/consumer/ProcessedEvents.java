package com.revos.voice.plumbing.consumer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The log of events a consumer group has applied, keyed by (group, event id). */
public class ProcessedEvents {

    private final JdbcTemplate jdbc;

    public ProcessedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the event for the group inside the caller's transaction.
     *
     * @return true when this is the first time; false when the group already applied it
     */
    public boolean claim(String consumerGroup, UUID eventId) {
        return !claimAll(consumerGroup, List.of(eventId)).isEmpty();
    }

    /**
     * Claims a batch of events for the group in one statement, inside the caller's transaction.
     *
     * @return the ids claimed now, each once however often it was given; the others the group already applied
     */
    public Set<UUID> claimAll(String consumerGroup, List<UUID> eventIds) {
        requireTransaction();
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        var claimed = new HashSet<UUID>(eventIds.size() * 2);
        jdbc.query("INSERT INTO processed_events (consumer_group, event_id) SELECT ?, id FROM unnest(?) AS given(id) "
                + "ON CONFLICT DO NOTHING RETURNING event_id", statement -> {
                    statement.setString(1, consumerGroup);
                    statement.setArray(2, statement.getConnection().createArrayOf("uuid", eventIds.toArray()));
                }, row -> {
                    claimed.add(row.getObject(1, UUID.class));
                });
        return claimed;
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a claim must run in the transaction of the event's side effect");
        }
    }
}
