package com.revos.voice.testsupport;

import com.revos.voice.events.Topics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker (KRaft, in this JVM) and one real PostgreSQL server (logical replication on), started
 * once per test JVM on first use and shared by every test class and Spring context; stopped when the JVM exits.
 */
public final class RealInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(RealInfrastructure.class);
    private static final int PARTITIONS = 3;

    // started on first use, then shared by every test class of the JVM
    private static org.springframework.kafka.test.@Nullable EmbeddedKafkaBroker kafka;
    private static @Nullable EmbeddedPostgres postgres;


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
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(kafka::destroy));
            log.info("Test Kafka broker at {} in {} ms", kafka.getBrokersAsString(), elapsedMillis(started));
        }
        return kafka.getBrokersAsString();
    }

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            var startedAt = System.nanoTime();
            // the builder's own free-port search opens and closes a socket: a race another process wins now and then
            var port = ReservedPorts.reserve();
            EmbeddedPostgres started;
            try {
                started = EmbeddedPostgres.builder()
                        .setPort(port.port())
                        .setServerConfig("wal_level", "logical")
                        .setServerConfig("max_replication_slots", "64")
                        .setServerConfig("max_wal_senders", "64")
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        // logical decoding streams only flushed WAL; with asynchronous commits that flush waits for
                        // the WAL writer (200 ms by default), which would dominate every outbox relay latency here
                        .setServerConfig("wal_writer_delay", "10ms")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
            }
            postgres = started;
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
                try {
                    started.close();

                } catch (IOException e) {
                    log.warn("Stopping embedded PostgreSQL failed", e);
                } finally {
                    port.close();
                }
            }));
            log.info("Test PostgreSQL on port {} in {} ms", started.getPort(), elapsedMillis(startedAt));
            return started;
        }
        return postgres;
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
                Map.entry("revos.outbox.drop-slot-on-shutdown", "true"),
                // at JVM exit, embedded PostgreSQL's own shutdown hook races the contexts' closing: dropping the slot
                // must then give up quickly instead of waiting Hikari's default 30 s for a connection
                Map.entry("spring.datasource.hikari.connection-timeout", "5000"));
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
