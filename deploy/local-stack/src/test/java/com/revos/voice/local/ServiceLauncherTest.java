package com.revos.voice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the local stack tells each service beyond its own yml, in one JVM or in its own (ADR 0032). */
class ServiceLauncherTest {

    private static final Map<LocalService, String> PEERS = Map.of(
            LocalService.WEBHOOK_INGEST, "http://localhost:18083", LocalService.SIMULATOR, "http://localhost:18090",
            LocalService.PROVISIONING, "http://localhost:18081", LocalService.DIALER, "http://localhost:18082",
            LocalService.OPTIMIZER, "http://localhost:18084");

    @Test
    void every_outbox_relay_of_the_local_stack_polls_every_100_ms_unless_the_environment_says_otherwise() {
        assumeTrue(System.getenv("REVOS_OUTBOX_POLLINTERVAL") == null,
                "REVOS_OUTBOX_POLLINTERVAL is set here, and a service's own environment outranks the stack's choice");
        for (var service : LocalService.values()) {
            var settings = ServiceLauncher.settings(service, 0, "localhost:9092",
                    "jdbc:postgresql://localhost:5433/revos", PEERS);
            if (service.ownsSchema()) {
                assertThat(settings).as(service.serviceName()).containsEntry("revos.outbox.poll-interval", "100ms");
            } else {
                assertThat(settings).as(service.serviceName()).doesNotContainKey("revos.outbox.poll-interval");
            }
        }
    }
}
