package com.revos.voice.plumbing.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of a service's outbox and its relay ({@code revos.outbox.*}).
 *
 * @param source the CloudEvents source of this service's events, e.g. {@code /revos/voice-dialer}
 * @param schema the service's PostgreSQL schema, which holds its {@code outbox} table
 * @param slotName the logical replication slot; one active relay per slot (defaults to {@code <schema>_outbox})
 * @param dropSlotOnShutdown drop the slot when the application context closes (tests; never in production,
 *        where the slot keeps the position while the service is down)
 * @param retention how long published rows stay in the outbox before cleanup
 */
@ConfigurationProperties("revos.outbox")
public record OutboxProperties(
        String source,
        String schema,
        String slotName,
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("false") boolean dropSlotOnShutdown,
        @DefaultValue("20ms") Duration pollInterval,
        @DefaultValue("1s") Duration offsetFlushInterval,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("2s") Duration restartBackoff,
        @DefaultValue("60s") Duration startTimeout,
        @DefaultValue("P1D") Duration retention) {

    public String effectiveSlotName() {
        return slotName != null && !slotName.isBlank() ? slotName : schema + "_outbox";
    }

    public String publicationName() {
        return effectiveSlotName() + "_pub";
    }
}
