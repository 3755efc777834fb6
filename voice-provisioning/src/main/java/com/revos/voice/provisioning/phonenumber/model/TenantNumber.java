package com.revos.voice.provisioning.phonenumber.model;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.UUID;

/**
 * A pool number while it is assigned to a tenant; once imported it has the platform's phone number id, once
 * attached the tenant agent that answers and calls from it.
 */
public record TenantNumber(UUID id, UUID tenantId, UUID poolId, String e164, String twilioSid, @Nullable String country,
                           @Nullable String areaCode, boolean purchased, @Nullable String providerPhoneNumberId,
                           @Nullable UUID agentId, Instant assignedAt, @Nullable Instant importedAt,
                           @Nullable Instant attachedAt) {

    public boolean imported() {
        return providerPhoneNumberId != null;
    }

    public TenantNumber withImport(String phoneNumberId, Instant at) {
        return new TenantNumber(id, tenantId, poolId, e164, twilioSid, country, areaCode, purchased, phoneNumberId,
                agentId, assignedAt, at, attachedAt);
    }

    public TenantNumber withAgent(UUID agent, Instant at) {
        return new TenantNumber(id, tenantId, poolId, e164, twilioSid, country, areaCode, purchased,
                providerPhoneNumberId, agent, assignedAt, importedAt, at);
    }
}
