package com.revos.voice.service;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The tenant whose rows the current thread's transactions may touch: the request's, once the membership interceptor
 * checked it, or one that work outside a request named with {@link #runAs}. Where a service sets
 * {@code revos.security.tenant-role}, every transaction begun while a tenant is current runs under row-level security
 * for it (ADR 0007).
 */
public final class TenantContext {

    private static final ThreadLocal<UUID> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static Optional<UUID> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * Runs the work with {@code tenantId} current, then restores what was current before. Public because naming a
     * tenant only narrows what the database shows (without one, work runs as the service's user and sees every
     * tenant); what must never happen is switching to another tenant inside a request's checked one, so that is
     * refused.
     */
    public static <T> T runAs(UUID tenantId, Supplier<T> work) {
        Objects.requireNonNull(tenantId, "tenantId");
        var previous = CURRENT.get();
        if (previous != null && !previous.equals(tenantId)) {
            throw new IllegalStateException("Work for a tenant other than the request's checked one");
        }
        CURRENT.set(tenantId);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            }
        }
    }

    /** Only the membership interceptor: for the rest of a request whose tenant it checked. */
    static void set(UUID tenantId) {
        CURRENT.set(tenantId);
    }

    static void clear() {
        CURRENT.remove();
    }
}
