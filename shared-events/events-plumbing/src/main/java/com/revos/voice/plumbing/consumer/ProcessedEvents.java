package com.revos.voice.plumbing.consumer;

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
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("claim must run in the transaction of the event's side effect");
        }
        return jdbc.update("INSERT INTO processed_events (consumer_group, event_id) VALUES (?, ?) "
                + "ON CONFLICT DO NOTHING", consumerGroup, eventId) == 1;
    }
}
