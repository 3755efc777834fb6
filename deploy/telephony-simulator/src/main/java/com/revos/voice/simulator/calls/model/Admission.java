package com.revos.voice.simulator.calls.model;

/**
 * Whether the outbound-call endpoint accepts a request or simulates a provider error: a random server error or
 * rate limit, the account's concurrency full, or the account itself refused (provider-apis.md section 6).
 */
public enum Admission {
    ACCEPTED, SERVER_ERROR, RATE_LIMITED, CONCURRENCY_FULL, INVALID_API_KEY, QUOTA_EXCEEDED
}
