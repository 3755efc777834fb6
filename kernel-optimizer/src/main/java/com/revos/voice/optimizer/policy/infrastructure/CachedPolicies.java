package com.revos.voice.optimizer.policy.infrastructure;

import com.revos.voice.optimizer.policy.application.PolicySource;
import com.revos.voice.optimizer.policy.application.PolicyService;
import com.revos.voice.optimizer.policy.model.OptimizerPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stream processor asks for a tenant's policy on every event, so policies are cached for a short time
 * instead of read from the database each time; a change through this instance's API takes effect at once, a change
 * through another instance within the time to live.
 */
final class CachedPolicies implements PolicySource {

    private record Entry(OptimizerPolicy policy, long loadedAt) {
    }

    private final PolicyService policies;
    private final long ttlNanos;
    private final Map<UUID, Entry> cache = new ConcurrentHashMap<>();

    CachedPolicies(PolicyService policies, Duration ttl) {
        this.policies = policies;
        this.ttlNanos = ttl.toNanos();
    }

    @Override
    public OptimizerPolicy policyOf(UUID tenantId) {
        var now = System.nanoTime();
        var entry = cache.get(tenantId);
        if (entry == null || now - entry.loadedAt() > ttlNanos) {
            entry = new Entry(policies.get(tenantId), now);
            cache.put(tenantId, entry);
        }
        return entry.policy();
    }

    void invalidate(UUID tenantId) {
        cache.remove(tenantId);
    }
}
