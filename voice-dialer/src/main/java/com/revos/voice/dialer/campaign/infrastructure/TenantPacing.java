package com.revos.voice.dialer.campaign.infrastructure;

import com.revos.voice.dialer.DialerProperties;
import com.revos.voice.dialer.campaign.model.TenantLimits;
import com.revos.voice.dialer.dispatch.model.PacingLimiter;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Each tenant's limits (config {@code revos.dialer.tenant-limits}) and its call-start limiter in this instance. */
public class TenantPacing {

    private final DialerProperties.Limits limits;
    private final java.time.Duration guard;
    private final Map<UUID, PacingLimiter> limiters = new ConcurrentHashMap<>();

    TenantPacing(DialerProperties.Limits limits, java.time.Duration guard) {
        this.limits = limits;
        this.guard = guard;
    }

    public java.time.Duration guard() {
        return guard;
    }

    public TenantLimits limits(UUID tenantId) {
        var override = limits.overrides().get(tenantId);
        return override != null ? new TenantLimits(override.callsPerSecond(), override.maxConcurrent())
                : new TenantLimits(limits.callsPerSecond(), limits.maxConcurrent());
    }

    /** The limiter of every call start of the tenant, single calls and all campaigns together. */
    public PacingLimiter limiter(UUID tenantId) {
        return limiters.computeIfAbsent(tenantId, id -> PacingLimiter.perSecond(limits(id).callsPerSecond(), guard));
    }
}
