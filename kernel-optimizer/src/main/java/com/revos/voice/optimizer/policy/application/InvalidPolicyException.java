package com.revos.voice.optimizer.policy.application;

import com.revos.voice.optimizer.policy.model.PolicyViolation;
import java.util.List;

/** A policy outside its bounds; the API answers 400 naming each field. */
public final class InvalidPolicyException extends RuntimeException {

    private final transient List<PolicyViolation> violations;

    public InvalidPolicyException(List<PolicyViolation> violations) {
        super(violations.size() + " policy setting(s) are invalid");
        this.violations = List.copyOf(violations);
    }

    public List<PolicyViolation> violations() {
        return violations;
    }
}
