package com.revos.voice.plumbing.it;

import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.ProvisioningEvent.AgentDeployed;
import com.revos.voice.plumbing.consumer.IdempotentConsumers;
import com.revos.voice.plumbing.outbox.OutboxWriter;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A minimal service that owns state, publishes through the outbox and consumes its own topic idempotently. */
@SpringBootApplication
class PlumbingTestApplication {

    @Bean
    Consumer<Message<byte[]>> agentEvents(IdempotentConsumers consumers, JdbcTemplate jdbc) {
        return consumers.consumer("plumbing-it", envelope -> recordApplied(jdbc, envelope));
    }

    /** The same events, a poll's batch at a time. */
    @Bean
    Consumer<Message<List<byte[]>>> agentEventsInBatches(IdempotentConsumers consumers, JdbcTemplate jdbc) {
        return consumers.batchConsumer("plumbing-it-batches", envelopes -> jdbc.batchUpdate(
                "INSERT INTO applied_batch_events (event_id) VALUES (?) "
                        + "ON CONFLICT (event_id) DO UPDATE SET applied_count = applied_batch_events.applied_count + 1",
                envelopes.stream().map(envelope -> new Object[] {envelope.id()}).toList()));
    }

    private static void recordApplied(JdbcTemplate jdbc, EventEnvelope envelope) {
        var deployed = (AgentDeployed) envelope.event();
        jdbc.update("INSERT INTO applied_events (event_id, agent_id) VALUES (?, ?) "
                + "ON CONFLICT (event_id) DO UPDATE SET applied_count = applied_events.applied_count + 1",
                envelope.id(), deployed.agentId());
    }

    @Service
    static class AgentDeployments {

        private final JdbcTemplate jdbc;
        private final OutboxWriter outbox;

        AgentDeployments(JdbcTemplate jdbc, OutboxWriter outbox) {
            this.jdbc = jdbc;
            this.outbox = outbox;
        }

        @Transactional
        UUID deploy(UUID tenantId, String name, boolean failAfterRecording) {
            var agentId = UUID.randomUUID();
            jdbc.update("INSERT INTO agents (id, tenant_id, name) VALUES (?, ?, ?)", agentId, tenantId, name);
            var eventId = outbox.record(new AgentDeployed(agentId, tenantId, "sales-qualification", name,
                    "agent_" + agentId, "en", "voice-1", Instant.now()));
            if (failAfterRecording) {
                throw new IllegalStateException("deployment failed after the event was recorded");
            }
            return eventId;
        }
    }
}
