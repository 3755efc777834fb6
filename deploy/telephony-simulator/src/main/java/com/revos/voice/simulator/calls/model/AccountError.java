package com.revos.voice.simulator.calls.model;

/** An account-level refusal the simulated provider answers every outbound call with, until it is set back. */
public enum AccountError {
    NONE, INVALID_API_KEY, QUOTA_EXCEEDED
}
