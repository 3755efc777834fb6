package com.revos.voice.service;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * For tests: runs work as a request whose tenant the membership check accepted. Lives in service-support's package
 * because {@link TenantContext}'s setter is package-private, so that in production only that check sets it.
 */
public final class CheckedTenant {

    private CheckedTenant() {
    }

    public static <T> T run(UUID tenantId, Supplier<T> work) {
        TenantContext.set(tenantId);
        try {
            return work.get();
        } finally {
            TenantContext.clear();
        }
    }
}
