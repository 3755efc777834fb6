package com.revos.voice.events;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.UUID;

/** Events of voice-provisioning, on {@link Topics#PROVISIONING}, keyed by the agent or number id. */
public sealed interface ProvisioningEvent extends VoiceEvent {

    UUID entityId();

    /** Always the tenant that owns it. */
    @Override
    UUID tenantId();

    @Override
    default String partitionKey() {
        return entityId().toString();
    }

    @Override
    default String subject() {
        return entityId().toString();
    }

    record AgentDeployed(UUID agentId, UUID tenantId, String templateId, String name, String providerAgentId,
                         String language, String voiceId, Instant deployedAt) implements ProvisioningEvent {
        @Override
        public UUID entityId() {
            return agentId;
        }
    }

    record AgentDeleted(UUID agentId, UUID tenantId, String providerAgentId, Instant deletedAt)
            implements ProvisioningEvent {
        @Override
        public UUID entityId() {
            return agentId;
        }
    }

    record NumberAssigned(UUID numberId, UUID tenantId, String e164, @Nullable String countryCode, String twilioSid,
                          boolean purchased, Instant assignedAt) implements ProvisioningEvent {
        @Override
        public UUID entityId() {
            return numberId;
        }
    }

    record NumberImported(UUID numberId, UUID tenantId, String e164, String providerPhoneNumberId,
                          Instant importedAt) implements ProvisioningEvent {
        @Override
        public UUID entityId() {
            return numberId;
        }
    }

    record NumberAgentAttached(UUID numberId, UUID tenantId, UUID agentId, String providerPhoneNumberId,
                               Instant attachedAt) implements ProvisioningEvent {
        @Override
        public UUID entityId() {
            return numberId;
        }
    }

    record NumberReleased(UUID numberId, UUID tenantId, String e164, Instant releasedAt)
            implements ProvisioningEvent {
        @Override
        public UUID entityId() {
            return numberId;
        }
    }
}
