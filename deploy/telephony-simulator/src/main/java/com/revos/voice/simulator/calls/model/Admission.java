package com.revos.voice.simulator.calls.model;

/** Whether the outbound-call endpoint accepts a request or simulates a provider error. */
public enum Admission {
    ACCEPTED, SERVER_ERROR, RATE_LIMITED
}
