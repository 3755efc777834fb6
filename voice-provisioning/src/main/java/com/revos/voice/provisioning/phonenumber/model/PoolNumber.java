package com.revos.voice.provisioning.phonenumber.model;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.UUID;

/** A number of the operator's master Twilio pool: free, or assigned to one tenant. */
public record PoolNumber(UUID id, String e164, String twilioSid, @Nullable String country, @Nullable String areaCode,
                         Status status, @Nullable UUID tenantId, boolean purchased, Instant addedAt,
                         @Nullable Instant assignedAt) {

    public enum Status { FREE, ASSIGNED }
}
