package com.revos.voice.plumbing.consumer;

import com.revos.voice.events.kafka.KafkaEnvelopes;
import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.MalformedEventException;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds Spring Cloud Stream consumers that apply each event at most once: the event id is claimed and the side
 * effect runs in one database transaction; a redelivered event is acknowledged without effect. A record that is not
 * a CloudEvent of our contract raises {@link MalformedEventException}, which the binder sends to the dead-letter
 * topic without retrying.
 */
public class IdempotentConsumers {

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumers.class);

    private final ProcessedEvents processed;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;

    public IdempotentConsumers(ProcessedEvents processed, TransactionTemplate transactions, MeterRegistry meters) {
        this.processed = processed;
        this.transactions = transactions;
        this.meters = meters;
    }

    /** A binding function for the given consumer group; the handler runs inside the claiming transaction. */
    public Consumer<Message<byte[]>> consumer(String consumerGroup, Consumer<EventEnvelope> handler) {
        return message -> apply(consumerGroup, toEnvelope(message), handler);
    }

    /** Applies one envelope at most once for the group; returns whether it was applied now. */
    public boolean apply(String consumerGroup, EventEnvelope envelope, Consumer<EventEnvelope> handler) {
        var applied = Boolean.TRUE.equals(transactions.execute(status -> {
            if (!processed.claim(consumerGroup, envelope.id())) {
                return false;
            }
            handler.accept(envelope);
            return true;
        }));
        meters.counter("revos.consumer.events", "group", consumerGroup, "type", envelope.type(),
                "result", applied ? "applied" : "duplicate").increment();
        if (!applied) {
            log.debug("{} already applied {}", consumerGroup, envelope);
        }
        return applied;
    }

    /** Reads the binary-mode CloudEvent out of a Kafka binder message. */
    public static EventEnvelope toEnvelope(Message<byte[]> message) {
        var headers = new RecordHeaders();
        message.getHeaders().forEach((name, value) -> {
            if (value instanceof byte[] bytes) {
                headers.add(name, bytes);
            } else if (value instanceof String text && (name.startsWith("ce_") || name.equals("content-type"))) {
                headers.add(name, text.getBytes(StandardCharsets.UTF_8));
            }
        });
        var key = message.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
        var keyText = key instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : key == null ? null : key.toString();
        if (message.getPayload() == null) {
            throw new MalformedEventException("Record without a value");
        }
        return KafkaEnvelopes.read(keyText, headers, message.getPayload());
    }
}
