package com.revos.voice.plumbing.outbox;

import java.util.Properties;
import org.postgresql.Driver;

/** The Debezium engine settings of a relay: pgoutput on the service's outbox table, offsets in its schema. */
final class DebeziumEngineConfig {

    private DebeziumEngineConfig() {
    }

    static Properties of(OutboxProperties outbox, String jdbcUrl, String user, String password) {
        var url = Driver.parseURL(jdbcUrl, null);
        if (url == null) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: the relay needs one to tail the WAL");
        }
        var slot = outbox.effectiveSlotName();
        var config = new Properties();
        config.setProperty("name", slot + "-relay");
        config.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        config.setProperty("topic.prefix", slot);
        config.setProperty("database.hostname", url.getProperty("PGHOST", "localhost"));
        config.setProperty("database.port", url.getProperty("PGPORT", "5432"));
        config.setProperty("database.dbname", url.getProperty("PGDBNAME"));
        config.setProperty("database.user", user);
        config.setProperty("database.password", password == null ? "" : password);
        config.setProperty("plugin.name", "pgoutput");
        config.setProperty("slot.name", slot);
        config.setProperty("publication.name", outbox.publicationName());
        // `filtered` publishes only the outbox table and needs no superuser
        config.setProperty("publication.autocreate.mode", "filtered");
        config.setProperty("table.include.list", outbox.schema() + ".outbox");
        // the slot is created before the service takes work (see OutboxRelay#start), so there is nothing to snapshot
        config.setProperty("snapshot.mode", "no_data");
        config.setProperty("slot.drop.on.stop", "false");
        config.setProperty("skipped.operations", "u,d,t");
        config.setProperty("tombstones.on.delete", "false");
        config.setProperty("poll.interval.ms", Long.toString(outbox.pollInterval().toMillis()));
        config.setProperty("max.batch.size", "2048");
        config.setProperty("max.queue.size", "8192");
        config.setProperty("key.converter.schemas.enable", "false");
        config.setProperty("value.converter.schemas.enable", "false");
        config.setProperty("header.converter.schemas.enable", "false");
        config.setProperty("offset.storage", "io.debezium.storage.jdbc.offset.JdbcOffsetBackingStore");
        // the table is created by the plumbing migration in the service's schema; the store finds it by plain name
        config.setProperty("offset.storage.jdbc.connection.url",
                jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + outbox.schema());
        config.setProperty("offset.storage.jdbc.connection.user", user);
        config.setProperty("offset.storage.jdbc.connection.password", password == null ? "" : password);
        config.setProperty("offset.storage.jdbc.table.name", "outbox_relay_offsets");
        config.setProperty("offset.flush.interval.ms", Long.toString(outbox.offsetFlushInterval().toMillis()));
        config.setProperty("errors.max.retries", "-1");
        return config;
    }
}
