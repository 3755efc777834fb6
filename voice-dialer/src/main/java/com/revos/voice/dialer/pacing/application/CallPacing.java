package com.revos.voice.dialer.pacing.application;

import com.revos.voice.dialer.pacing.model.PacingLimiter;
import com.revos.voice.dialer.pacing.model.TenantLimits;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Each tenant's limits and the provider account's, held across every dialer instance (ADR 0010). */
public interface CallPacing {

    TenantLimits limits(UUID tenantId);

    /**
     * The same limits as another dialer process has them: limiters of its own in memory, the shared grants in
     * common. For running a second dispatcher in one JVM (tests, and the two-instance pacing benchmark).
     */
    CallPacing inAnotherInstance();

    /** Calls in flight at once on the provider account, over all tenants. */
    int accountMaxConcurrent();

    /** The limiter of every call start of the tenant in this instance, single calls and all campaigns together. */
    PacingLimiter limiter(UUID tenantId);

    /**
     * Blocks until a start is granted under the tenant's and the provider account's limits across instances, and
     * commits {@code withStart} in the granting transaction; false (nothing granted) when {@code withStart} is.
     */
    boolean awaitSharedStart(UUID tenantId, BooleanSupplier withStart) throws InterruptedException;
}
