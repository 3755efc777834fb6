package com.revos.voice.testsupport;

import com.revos.voice.events.Topics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker (KRaft, in this JVM) and one real PostgreSQL server (logical replication on), started
 * once per test JVM on first use and shared by every test class and Spring context; stopped when the JVM exits.
 */
public final class RealInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(RealInfrastructure.class);
    private static final int PARTITIONS = 3;

    private static final List<ConfigurableApplicationContext> CONTEXTS = new CopyOnWriteArrayList<>();

    private static org.springframework.kafka.test.EmbeddedKafkaBroker kafka;
    private static EmbeddedPostgres postgres;
    private static boolean shutdownHookRegistered;

    private RealInfrastructure() {
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            var started = System.nanoTime();
            var topics = Topics.ALL.stream().map(topic -> topic.name()).toArray(String[]::new);
            kafka = new EmbeddedKafkaKraftBroker(1, PARTITIONS, topics).brokerProperties(Map.of(
                    "auto.create.topics.enable", "true",
                    "num.partitions", String.valueOf(PARTITIONS),
                    "offsets.topic.replication.factor", "1",
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1",
                    "group.initial.rebalance.delay.ms", "0"));
            kafka.afterPropertiesSet();
            registerShutdownHook();
            log.info("Test Kafka broker at {} in {} ms", kafka.getBrokersAsString(), elapsedMillis(started));
        }
        return kafka.getBrokersAsString();
    }

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            var started = System.nanoTime();
            try {
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("wal_level", "logical")
                        .setServerConfig("max_replication_slots", "64")
                        .setServerConfig("max_wal_senders", "64")
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
            }
            registerShutdownHook();
            log.info("Test PostgreSQL on port {} in {} ms", postgres.getPort(), elapsedMillis(started));
        }
        return postgres;
    }

    /** A Spring context that uses the infrastructure: it is closed before the broker and database stop. */
    static void register(ConfigurableApplicationContext context) {
        CONTEXTS.add(context);
    }

    /**
     * One hook stops everything in order: the contexts first (their outbox relays drop their slots, their consumers
     * leave), then the broker, then the database. Separate hooks would run concurrently and a context would wait on
     * a database that is already gone.
     */
    private static void registerShutdownHook() {
        if (shutdownHookRegistered) {
            return;
        }
        shutdownHookRegistered = true;
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            CONTEXTS.reversed().forEach(ConfigurableApplicationContext::close);
            synchronized (RealInfrastructure.class) {
                if (kafka != null) {
                    kafka.destroy();
                }
                if (postgres != null) {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        log.warn("Stopping embedded PostgreSQL failed", e);
                    }
                }
            }
        }));
    }

    public static String jdbcUrl() {
        return postgres().getJdbcUrl("postgres", "postgres");
    }

    /** Spring properties pointing every client at the shared broker and database. */
    public static Map<String, Object> springProperties() {
        var brokers = kafkaBootstrapServers();
        return Map.<String, Object>ofEntries(
                Map.entry("spring.datasource.url", jdbcUrl()),
                Map.entry("spring.datasource.username", "postgres"),
                Map.entry("spring.datasource.password", "postgres"),
                Map.entry("spring.kafka.bootstrap-servers", brokers),
                Map.entry("spring.cloud.stream.kafka.binder.brokers", brokers),
                Map.entry("spring.cloud.stream.kafka.streams.binder.brokers", brokers),
                // each context gets its own slot, and drops it when the context closes: no slot outlives a test JVM
                Map.entry("revos.outbox.slot-name", "${revos.outbox.schema}_outbox_" + Long.toHexString(System.nanoTime())),
                Map.entry("revos.outbox.drop-slot-on-shutdown", "true"));
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
