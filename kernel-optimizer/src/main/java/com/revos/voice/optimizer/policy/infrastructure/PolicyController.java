package com.revos.voice.optimizer.policy.infrastructure;

import com.revos.voice.optimizer.policy.application.InvalidPolicyException;
import com.revos.voice.optimizer.policy.application.PolicyService;
import com.revos.voice.optimizer.policy.model.PolicyValidation;
import com.revos.voice.optimizer.policy.model.PolicyViolation;
import com.revos.voice.service.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET|PUT /v1/tenants/{tenantId}/optimizer-policy}: members of the tenant only (service-support). */
@RestController
@RequestMapping("/v1/tenants/{tenantId}/optimizer-policy")
class PolicyController {

    private final PolicyService policies;

    PolicyController(PolicyService policies) {
        this.policies = policies;
    }

    @GetMapping
    PolicyDto get(@PathVariable UUID tenantId) {
        return PolicyDto.of(policies.get(tenantId));
    }

    @PutMapping
    PolicyDto replace(@PathVariable UUID tenantId, @RequestBody PolicyDto body) {
        var errors = new ArrayList<PolicyViolation>();
        var policy = body.toPolicy(errors);
        if (!errors.isEmpty()) {
            var named = errors.stream().map(PolicyViolation::field).toList();
            PolicyValidation.violations(policy).stream().filter(violation -> !named.contains(violation.field()))
                    .forEach(errors::add);
            throw invalid(errors);
        }
        try {
            return PolicyDto.of(policies.replace(tenantId, policy));
        } catch (InvalidPolicyException e) {
            throw invalid(e.violations());
        }
    }

    private static ApiException invalid(List<PolicyViolation> violations) {
        return ApiException.invalid(violations.stream()
                .map(violation -> new ApiException.FieldError(violation.field(), violation.reason())).toList());
    }
}
