package com.revos.voice.events;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Every event on the RevOS Voice bus. The record is the CloudEvent's data; id, type, source and time travel in
 * the envelope ({@link EventEnvelope}).
 */
public sealed interface VoiceEvent
        permits ProvisioningEvent, CallEvent, ProviderReport, CampaignEvent, KernelCommand, KernelRecommendation,
        QuarantineEvent {

    /** The tenant the event belongs to; null only for provider reports and quarantined webhooks (no tenant yet). */
    @Nullable UUID tenantId();

    /** The Kafka record key: it gives per-entity ordering. */
    String partitionKey();

    /** The entity the event is about (the CloudEvent {@code subject}). */
    String subject();

    /** The campaign the event belongs to, if any (the CloudEvent {@code campaignid} extension). */
    default @Nullable UUID campaignId() {
        return null;
    }
}
