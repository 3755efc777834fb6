package com.revos.voice.optimizer.policy.application;

import com.revos.voice.optimizer.policy.model.OptimizerPolicy;
import java.util.UUID;

/** The policy the rules apply for a tenant (the default when the tenant set none). */
public interface PolicySource {

    OptimizerPolicy policyOf(UUID tenantId);
}
