package com.revos.voice.plumbing.consumer;

import com.revos.voice.events.kafka.KafkaEnvelopes;
import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.MalformedEventException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds Spring Cloud Stream consumers that apply each event at most once: the event id is claimed and the side
 * effect runs in one database transaction; a redelivered event is acknowledged without effect. A record that is not
 * a CloudEvent of our contract raises {@link MalformedEventException}, which the binder sends to the dead-letter
 * topic without retrying.
 *
 * <p>A busy topic is better consumed in batches ({@link #batchConsumer}): the records of one poll are claimed in one
 * statement and applied in one transaction, one commit per poll instead of one per record.
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

    /**
     * A binding function for a batch binding ({@code consumer.batch-mode: true}); the handler runs inside the claiming
     * transaction and gets the batch's events the group has not applied before, in the partition's order. A record
     * that is not our CloudEvent ends the batch there: the records before it are applied and committed, and the
     * container's error handler ({@link ConsumerFaults}) dead-letters it and delivers the ones after it again
     * ({@link BatchListenerFailedException} names its index).
     */
    public Consumer<Message<List<byte[]>>> batchConsumer(String consumerGroup,
                                                          Consumer<List<EventEnvelope>> handler) {
        return message -> {
            var payloads = message.getPayload();
            var envelopes = new ArrayList<EventEnvelope>(payloads.size());
            for (int index = 0; index < payloads.size(); index++) {
                try {
                    envelopes.add(toEnvelope(batchHeaders(message, index), batchKey(message, index),
                            payloads.get(index)));
                } catch (MalformedEventException e) {
                    applyAll(consumerGroup, envelopes, handler);
                    throw new BatchListenerFailedException("not a CloudEvent of our contract", e, index);
                }
            }
            applyAll(consumerGroup, envelopes, handler);
        };
    }

    /** Applies a batch of envelopes at most once each for the group, in one transaction; returns how many now. */
    public int applyAll(String consumerGroup, List<EventEnvelope> envelopes, Consumer<List<EventEnvelope>> handler) {
        if (envelopes.isEmpty()) {
            return 0;
        }
        DistributionSummary.builder("revos.consumer.batch.size").description("Events per batch a consumer applied")
                .tag("group", consumerGroup).register(meters).record(envelopes.size());
        List<EventEnvelope> fresh = transactions.execute(status -> {
            var claimed = processed.claimAll(consumerGroup, envelopes.stream().map(EventEnvelope::id).toList());
            var toApply = new ArrayList<EventEnvelope>(claimed.size());
            for (var envelope : envelopes) {
                // removed once claimed: an event twice in one batch is applied once
                if (claimed.remove(envelope.id())) {
                    toApply.add(envelope);
                }
            }
            if (!toApply.isEmpty()) {
                handler.accept(toApply);
            }
            return toApply;
        });
        var applied = fresh == null ? List.<EventEnvelope>of() : fresh;
        var next = 0;
        for (var envelope : envelopes) {
            var isApplied = next < applied.size() && applied.get(next) == envelope;
            if (isApplied) {
                next++;
            } else {
                log.debug("{} already applied {}", consumerGroup, envelope);
            }
            meters.counter("revos.consumer.events", "group", consumerGroup, "type", envelope.type(),
                    "result", isApplied ? "applied" : "duplicate").increment();
        }
        return applied.size();
    }

    /** Reads the binary-mode CloudEvent out of a Kafka binder message. */
    public static EventEnvelope toEnvelope(Message<byte[]> message) {
        return toEnvelope(message.getHeaders(), message.getHeaders().get(KafkaHeaders.RECEIVED_KEY),
                message.getPayload());
    }

    private static EventEnvelope toEnvelope(Map<String, ?> messageHeaders, @Nullable Object key,
                                            byte @Nullable [] payload) {
        var headers = new RecordHeaders();
        messageHeaders.forEach((name, value) -> {
            if (value instanceof byte[] bytes) {
                headers.add(name, bytes);
            } else if (value instanceof String text && (name.startsWith("ce_") || name.equals("content-type"))) {
                headers.add(name, text.getBytes(StandardCharsets.UTF_8));
            }
        });
        var keyText = key instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : key == null ? null : key.toString();
        if (payload == null) {
            throw new MalformedEventException("Record without a value");
        }
        return KafkaEnvelopes.read(keyText, headers, payload);
    }

    /** A batch message keeps each record's headers in a list, in the payloads' order. */
    @SuppressWarnings("unchecked")
    private static Map<String, ?> batchHeaders(Message<List<byte[]>> batch, int index) {
        var all = batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS);
        return all instanceof List<?> list && list.get(index) instanceof Map<?, ?> headers
                ? (Map<String, ?>) headers : Map.of();
    }

    private static @Nullable Object batchKey(Message<List<byte[]>> batch, int index) {
        return batch.getHeaders().get(KafkaHeaders.RECEIVED_KEY) instanceof List<?> keys ? keys.get(index) : null;
    }
}
