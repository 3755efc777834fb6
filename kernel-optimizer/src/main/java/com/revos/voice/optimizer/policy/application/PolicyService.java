package com.revos.voice.optimizer.policy.application;

import com.revos.voice.optimizer.policy.model.OptimizerPolicy;
import com.revos.voice.optimizer.policy.model.PolicyValidation;
import java.util.UUID;
import java.util.function.Consumer;

/** Reads and replaces a tenant's policy; a tenant that set none runs on the defaults. */
public final class PolicyService {

    private final PolicyRepository repository;
    private final Consumer<UUID> changed;

    /** @param changed told after a tenant's policy changed (to drop cached copies) */
    public PolicyService(PolicyRepository repository, Consumer<UUID> changed) {
        this.repository = repository;
        this.changed = changed;
    }

    public OptimizerPolicy get(UUID tenantId) {
        return repository.find(tenantId).orElse(OptimizerPolicy.DEFAULT);
    }

    public OptimizerPolicy replace(UUID tenantId, OptimizerPolicy policy) {
        var violations = PolicyValidation.violations(policy);
        if (!violations.isEmpty()) {
            throw new InvalidPolicyException(violations);
        }
        repository.save(tenantId, policy);
        changed.accept(tenantId);
        return policy;
    }
}
