package com.revos.voice.plumbing.outbox;

import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.VoiceEvent;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records events in the service's outbox table, inside the caller's transaction: the state change and the event
 * commit together or not at all. There is deliberately no way to call it outside a transaction.
 */
public class OutboxWriter {

    private static final String INSERT = """
            INSERT INTO outbox (id, aggregate_type, event_record, aggregate_id, topic, type, source, subject,
                                tenant_id, campaign_id, payload, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
            """;

    private final JdbcTemplate jdbc;
    private final String source;
    private final Clock clock;

    public OutboxWriter(JdbcTemplate jdbc, String source, Clock clock) {
        this.jdbc = jdbc;
        this.source = source;
        this.clock = clock;
    }

    /** Records the event with a fresh id; returns that id. */
    public UUID record(VoiceEvent event) {
        return record(event, UUID.randomUUID());
    }

    /** Records the event with the given id (for facts that must keep one id however often they are recorded). */
    public UUID record(VoiceEvent event, UUID eventId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(
                    "OutboxWriter.record must run inside the transaction of the state change it announces");
        }
        var envelope = EventEnvelope.wrap(event, source, eventId, clock.instant());
        jdbc.update(INSERT, envelope.id(), envelope.topic().valueType().getSimpleName(),
                envelope.eventType().recordType().getSimpleName(), envelope.key(),
                envelope.topic().name(), envelope.type(), envelope.source(), envelope.subject(), envelope.tenantId(),
                envelope.campaignId(), envelope.dataAsString(), Timestamp.from(envelope.time()));
        return eventId;
    }
}
