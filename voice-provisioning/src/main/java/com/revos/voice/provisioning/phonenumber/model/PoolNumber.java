package com.revos.voice.provisioning.phonenumber.model;

import java.time.Instant;
import java.util.UUID;

/** A number of the operator's master Twilio pool: free, or assigned to one tenant. */
public record PoolNumber(UUID id, String e164, String twilioSid, String country, String areaCode, Status status,
                         UUID tenantId, boolean purchased, Instant addedAt, Instant assignedAt) {

    public enum Status { FREE, ASSIGNED }
}
