package com.revos.voice.plumbing;

import com.revos.voice.plumbing.consumer.ConsumerFaultProperties;
import com.revos.voice.plumbing.consumer.ConsumerFaults;
import com.revos.voice.plumbing.consumer.IdempotentConsumers;
import com.revos.voice.plumbing.consumer.ProcessedEvents;
import com.revos.voice.plumbing.consumer.ProcessedEventsCleanup;
import com.revos.voice.plumbing.consumer.ProcessedEventsProperties;
import com.revos.voice.plumbing.outbox.OutboxCleanup;
import com.revos.voice.plumbing.outbox.OutboxLag;
import com.revos.voice.plumbing.outbox.OutboxProperties;
import com.revos.voice.plumbing.outbox.OutboxRelay;
import com.revos.voice.plumbing.outbox.OutboxRelays;
import com.revos.voice.plumbing.outbox.OutboxWriter;
import com.revos.voice.plumbing.outbox.ReplicationSlots;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The event plumbing of a service that owns state: the outbox writer, the Debezium relay and idempotent consumers.
 * Active when {@code revos.outbox.schema} is set.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnProperty("revos.outbox.schema")
@EnableConfigurationProperties({OutboxProperties.class, ConsumerFaultProperties.class,
        ProcessedEventsProperties.class})
@EnableScheduling
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OutboxWriter outboxWriter(JdbcTemplate jdbc, OutboxProperties properties, Clock clock) {
        return new OutboxWriter(jdbc, properties.source(), clock);
    }

    @Bean
    ReplicationSlots replicationSlots(JdbcTemplate jdbc) {
        return new ReplicationSlots(jdbc);
    }

    @Bean(destroyMethod = "destroy")
    @ConditionalOnBooleanProperty(name = "revos.outbox.relay-enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(OutboxProperties properties, DataSourceProperties dataSource, KafkaProperties kafka,
                            ReplicationSlots slots, JdbcTemplate jdbc, Clock clock, MeterRegistry meters) {
        var producer = kafka.buildProducerProperties();
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        var template = new KafkaTemplate<String, byte[]>(new DefaultKafkaProducerFactory<>(producer));
        // Debezium logs in to the replication stream itself: it needs the credentials spelled out
        var engineConfig = OutboxRelays.engineConfig(properties, dataSource.determineUrl(),
                Objects.requireNonNull(dataSource.determineUsername(), "the outbox relay needs a datasource username"),
                Objects.requireNonNull(dataSource.determinePassword(), "the outbox relay needs a datasource password"));

        return new OutboxRelay(properties, engineConfig, template, slots, new OutboxLag(jdbc, clock), meters);
    }

    @Bean
    ProcessedEvents processedEvents(JdbcTemplate jdbc) {
        return new ProcessedEvents(jdbc);
    }

    @Bean
    ProcessedEventsCleanup processedEventsCleanup(JdbcTemplate jdbc, ProcessedEventsProperties properties, Clock clock) {
        return new ProcessedEventsCleanup(jdbc, properties, clock);
    }

    @Bean
    IdempotentConsumers idempotentConsumers(ProcessedEvents processed, TransactionTemplate transactions,
                                            MeterRegistry meters) {
        return new IdempotentConsumers(processed, transactions, meters);
    }

    /** Only the binder's records reach it: byte arrays in, byte arrays out. */
    @Bean
    @ConditionalOnMissingBean(org.springframework.cloud.stream.config.ListenerContainerCustomizer.class)
    ConsumerFaults consumerFaults(KafkaProperties kafka, ConsumerFaultProperties settings, MeterRegistry meters) {
        var producer = kafka.buildProducerProperties();
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return new ConsumerFaults(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer)), settings, meters);
    }

    @Bean
    OutboxCleanup outboxCleanup(JdbcTemplate jdbc, OutboxProperties properties, Clock clock) {
        return new OutboxCleanup(jdbc, properties, clock);
    }
}
