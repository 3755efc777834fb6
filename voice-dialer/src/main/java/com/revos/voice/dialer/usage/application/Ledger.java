package com.revos.voice.dialer.usage.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The billable-usage ledger: exactly one entry per call, whatever is redelivered. */
public interface Ledger {

    /** In the caller's transaction; a second entry for the same call changes nothing. {@code cost} in USD. */
    void record(UUID callId, UUID tenantId, @Nullable UUID campaignId, int billableSeconds, BigDecimal costUsd,
                Instant at);
}
