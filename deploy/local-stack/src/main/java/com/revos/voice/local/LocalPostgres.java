package com.revos.voice.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;

/** A real PostgreSQL server (binaries from Maven) on a fixed port, logical replication on, data kept on disk. */
final class LocalPostgres implements AutoCloseable {

    static final String DATABASE = "revos";

    private final EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static LocalPostgres start(Path dataDir, int port) throws Exception {
        Files.createDirectories(dataDir.getParent());
        var server = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir.toAbsolutePath().toFile())
                .setCleanDataDirectory(false)
                // the stack's own hook stops PostgreSQL last; the library's hook would stop it while the services'
                // outbox relays still read from it
                .setRegisterShutdownHook(false)
                .setServerConfig("wal_level", "logical")
                .setServerConfig("max_replication_slots", "16")
                .setServerConfig("max_wal_senders", "16")
                .setServerConfig("max_connections", "300")
                // commits here are asynchronous (the library's default), and logical decoding streams only WAL the
                // WAL writer has flushed: at its default of 200 ms that wait was most of every outbox relay's latency
                .setServerConfig("wal_writer_delay", "10ms")
                // what each statement costs, for whoever asks (CREATE EXTENSION pg_stat_statements; then the view)
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .start();
        try (var connection = DriverManager.getConnection(server.getJdbcUrl("postgres", "postgres"));
             var statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        }
        return new LocalPostgres(server);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
