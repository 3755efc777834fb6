package com.revos.voice.optimizer.policy.model;

/** One invalid setting: its JSON path (snake_case) and why. */
public record PolicyViolation(String field, String reason) {
}
