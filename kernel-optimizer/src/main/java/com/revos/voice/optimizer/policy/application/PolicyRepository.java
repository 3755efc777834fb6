package com.revos.voice.optimizer.policy.application;

import com.revos.voice.optimizer.policy.model.OptimizerPolicy;
import java.util.Optional;
import java.util.UUID;

/** Where tenants' policies are kept. */
public interface PolicyRepository {

    Optional<OptimizerPolicy> find(UUID tenantId);

    void save(UUID tenantId, OptimizerPolicy policy);
}
