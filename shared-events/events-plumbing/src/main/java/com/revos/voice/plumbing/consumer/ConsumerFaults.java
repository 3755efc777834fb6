package com.revos.voice.plumbing.consumer;

import com.revos.voice.events.MalformedEventException;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What every binder consumer does when a record fails, in place of the binder's few quick retries then the DLT
 * (ADR 0015). A record that can never succeed (not a CloudEvent of our contract, an unknown type: a
 * {@link MalformedEventException}, or one Kafka could not even deserialize) goes to the binding's dead-letter topic
 * at once, with the reason in {@link #REASON_HEADER} beside Spring Kafka's {@code kafka_dlt-*} headers. Anything else
 * (the database failing over, the broker restarting, a lock timeout) is retried with exponential backoff, on the
 * same record, for as long as it takes: the partition waits rather than lose a command. The consumer lag alerts
 * then tell the operator that a partition is stuck.
 */
public class ConsumerFaults implements ListenerContainerWithDlqAndRetryCustomizer {

    /** Why the record was dead-lettered, in one line. */
    public static final String REASON_HEADER = "revos_dlt_reason";
    /** The consumer group that gave up on it. */
    public static final String GROUP_HEADER = "revos_dlt_group";

    private static final Logger log = LoggerFactory.getLogger(ConsumerFaults.class);
    private static final List<Class<? extends Exception>> NEVER_SUCCEED = List.of(MalformedEventException.class,
            DeserializationException.class, MessageConversionException.class, ClassCastException.class);

    private final KafkaOperations<Object, Object> deadLetters;
    private final ConsumerFaultProperties settings;
    private final MeterRegistry meters;

    public ConsumerFaults(KafkaOperations<Object, Object> deadLetters, ConsumerFaultProperties settings,
                          MeterRegistry meters) {
        this.deadLetters = deadLetters;
        this.settings = settings;
        this.meters = meters;
    }

    /** Retries and dead letters are the container's, not the binding's. */
    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          @Nullable BackOff backOff) {
        container.setCommonErrorHandler(errorHandler(destinationName, group, dlqDestinationResolver));
    }

    DefaultErrorHandler errorHandler(String topic, String group,
                                     @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlt) {
        var patience = new ExponentialBackOff(settings.initialBackoff().toMillis(), 2.0);
        patience.setMaxInterval(settings.maxBackoff().toMillis());
        DefaultErrorHandler handler;
        if (dlt == null) {
            handler = new DefaultErrorHandler((record, e) -> log.error("{} dropped a record of {} that can never be "
                    + "applied and has no dead-letter topic: {}", group, topic, reason(e)), patience);
        } else {
            // the binder's resolver keeps the record's partition number, which a DLT with fewer partitions does not
            // have (every send would then block until it times out): let the key choose the partition
            var recoverer = new DeadLetterPublishingRecoverer(deadLetters,
                    (record, e) -> new TopicPartition(dlt.apply(record, e).topic(), -1));
            recoverer.setHeadersFunction((record, e) -> new RecordHeaders(List.of(
                    new RecordHeader(REASON_HEADER, reason(e).getBytes(StandardCharsets.UTF_8)),
                    new RecordHeader(GROUP_HEADER, group.getBytes(StandardCharsets.UTF_8)))));
            handler = new DefaultErrorHandler((record, e) -> {
                meters.counter("revos.consumer.dead_letters", "group", group, "topic", topic).increment();
                log.warn("{} dead-lettered a record of {} (partition {}, offset {}): {}", group, topic,
                        record.partition(), record.offset(), reason(e));
                recoverer.accept(record, e);
            }, patience);
        }
        handler.addNotRetryableExceptions(NEVER_SUCCEED.toArray(Class[]::new));
        handler.setRetryListeners((record, e, attempt) -> {
            if (neverSucceeds(e)) {
                return;
            }
            meters.counter("revos.consumer.retries", "group", group, "topic", topic).increment();
            if (attempt == 1 || attempt % 10 == 0) {
                log.warn("{} could not apply a record of {} (attempt {}), retrying with backoff: {}", group, topic,
                        attempt, reason(e));
            }
        });
        return handler;
    }

    private static boolean neverSucceeds(@Nullable Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            for (var type : NEVER_SUCCEED) {
                if (type.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The innermost message, without the listener's wrappers; never the record's content. */
    static String reason(@Nullable Throwable e) {
        if (e == null) {
            return "no exception given";
        }
        Throwable cause = e;

        while ((cause instanceof ListenerExecutionFailedException || cause instanceof MessagingException
                || cause instanceof BatchListenerFailedException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        var message = cause.getMessage() == null ? "" : ": " + cause.getMessage().lines().findFirst().orElse("");
        return cause.getClass().getSimpleName() + message;
    }
}
