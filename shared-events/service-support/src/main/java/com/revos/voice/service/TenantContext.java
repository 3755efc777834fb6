package com.revos.voice.service;

import java.util.Optional;
import java.util.UUID;

/**
 * The tenant of the current request, once membership is checked. Repositories use it to set
 * {@code app.tenant_id} per transaction for PostgreSQL row-level security.
 */
public final class TenantContext {

    private static final ThreadLocal<UUID> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static Optional<UUID> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    static void set(UUID tenantId) {
        CURRENT.set(tenantId);
    }

    static void clear() {
        CURRENT.remove();
    }
}
