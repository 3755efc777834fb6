package com.revos.voice.plumbing.outbox;

import java.util.Properties;

/** Factory for the package-private parts of the relay, used by the auto-configuration. */
public final class OutboxRelays {

    private OutboxRelays() {
    }

    public static Properties engineConfig(OutboxProperties outbox, String jdbcUrl, String user, String password) {
        return DebeziumEngineConfig.of(outbox, jdbcUrl, user, password);
    }
}
