package com.revos.voice.dialer.pacing.infrastructure;

import com.revos.voice.dialer.pacing.application.CallPacing;
import com.revos.voice.dialer.DialerProperties;
import com.revos.voice.dialer.pacing.model.TenantLimits;
import com.revos.voice.dialer.pacing.model.PacingLimiter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each tenant's limits (config {@code revos.dialer.tenant-limits}) and the provider account's
 * ({@code revos.dialer.provider-account}). Call starts are spaced by a limiter in this instance and granted by
 * the {@link SharedPacingLog} that all instances share, so the limits hold however many dialers run. The limiter in
 * this instance only feeds the caps after it, so its window is one second, without their guard: a feeder exactly as
 * slow as its cap would lose the cap's slots to every stall between the two.
 */
class TenantPacing implements CallPacing {

    private final DialerProperties.Limits limits;
    private final DialerProperties.ProviderAccount account;
    private final SharedPacingLog shared;
    private final Map<UUID, PacingLimiter> limiters = new ConcurrentHashMap<>();

    TenantPacing(DialerProperties.Limits limits, DialerProperties.ProviderAccount account, SharedPacingLog shared) {
        this.limits = limits;
        this.account = account;
        this.shared = shared;
    }

    @Override
    public TenantPacing inAnotherInstance() {
        return new TenantPacing(limits, account, shared);
    }

    @Override
    public TenantLimits limits(UUID tenantId) {
        var override = limits.overrides().get(tenantId);
        return override != null ? new TenantLimits(override.callsPerSecond(), override.maxConcurrent())
                : new TenantLimits(limits.callsPerSecond(), limits.maxConcurrent());
    }

    @Override
    public int accountMaxConcurrent() {
        return account.maxConcurrent();
    }

    @Override
    public PacingLimiter limiter(UUID tenantId) {
        return limiters.computeIfAbsent(tenantId, id -> PacingLimiter.perSecond(limits(id).callsPerSecond(), Duration.ZERO));
    }

    @Override
    public boolean awaitSharedStart(UUID tenantId, java.util.function.BooleanSupplier withStart)
            throws InterruptedException {
        return shared.acquire(List.of(new SharedPacingLog.Limit("tenant:" + tenantId,
                        limits(tenantId).callsPerSecond()),
                new SharedPacingLog.Limit("account:" + account.name(), account.callsPerSecond())), withStart);
    }
}
