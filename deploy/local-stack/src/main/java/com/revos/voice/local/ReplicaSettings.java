package com.revos.voice.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What a second (third, ...) instance of a service is told besides what the first is. The instances share the
 * service's schema, so they share its outbox table: the first instance's relay publishes every row of it, whichever
 * instance wrote the row. A relay of their own, on a slot of their own, would publish each row once per instance,
 * and one on the same slot could not stream while the first holds it (ADR 0018). Kafka Streams state is per
 * instance.
 */
final class ReplicaSettings {

    private ReplicaSettings() {
    }

    static Map<String, Object> of(LocalService service, int replica, Path home) {
        var settings = new HashMap<String, Object>();
        if (replica == 1) {
            return settings;
        }
        if (service.ownsSchema()) {
            settings.put("revos.outbox.relay-enabled", "false");
        }
        if (service == LocalService.OPTIMIZER) {
            settings.put("revos.optimizer.streams.state-dir",
                    home.resolve("kafka-streams-" + replica).toAbsolutePath());
        }
        return settings;
    }
}
