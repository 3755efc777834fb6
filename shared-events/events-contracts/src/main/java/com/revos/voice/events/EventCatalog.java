package com.revos.voice.events;

import static java.util.stream.Collectors.toUnmodifiableMap;

import com.revos.voice.events.CallEvent.CallCompleted;
import com.revos.voice.events.CallEvent.CallInitiated;
import com.revos.voice.events.CallEvent.CallInitiationFailed;
import com.revos.voice.events.CallEvent.CallRequested;
import com.revos.voice.events.CampaignEvent.CampaignCancelled;
import com.revos.voice.events.CampaignEvent.CampaignCompleted;
import com.revos.voice.events.CampaignEvent.CampaignPaused;
import com.revos.voice.events.CampaignEvent.CampaignResumed;
import com.revos.voice.events.CampaignEvent.CampaignRetimed;
import com.revos.voice.events.CampaignEvent.CampaignScaled;
import com.revos.voice.events.CampaignEvent.CampaignStarted;
import com.revos.voice.events.KernelCommand.CampaignPause;
import com.revos.voice.events.KernelCommand.CampaignRetime;
import com.revos.voice.events.KernelCommand.CampaignScale;
import com.revos.voice.events.KernelRecommendation.AgentScriptChange;
import com.revos.voice.events.KernelRecommendation.CampaignScaleUp;
import com.revos.voice.events.ProviderReport.CallReported;
import com.revos.voice.events.ProviderReport.RecordingReported;
import com.revos.voice.events.ProvisioningEvent.AgentDeleted;
import com.revos.voice.events.ProvisioningEvent.AgentDeployed;
import com.revos.voice.events.ProvisioningEvent.NumberAgentAttached;
import com.revos.voice.events.ProvisioningEvent.NumberAssigned;
import com.revos.voice.events.ProvisioningEvent.NumberImported;
import com.revos.voice.events.ProvisioningEvent.NumberReleased;
import com.revos.voice.events.QuarantineEvent.WebhookQuarantined;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Every event type of the bus, by record and by CloudEvents type name. */
public final class EventCatalog {

    public static final List<EventType<?>> ALL = List.of(
            new EventType<>("revos.voice.agent.deployed.v1", AgentDeployed.class, Topics.PROVISIONING),
            new EventType<>("revos.voice.agent.deleted.v1", AgentDeleted.class, Topics.PROVISIONING),
            new EventType<>("revos.voice.number.assigned.v1", NumberAssigned.class, Topics.PROVISIONING),
            new EventType<>("revos.voice.number.imported.v1", NumberImported.class, Topics.PROVISIONING),
            new EventType<>("revos.voice.number.agent_attached.v1", NumberAgentAttached.class, Topics.PROVISIONING),
            new EventType<>("revos.voice.number.released.v1", NumberReleased.class, Topics.PROVISIONING),
            new EventType<>("revos.voice.call.requested.v1", CallRequested.class, Topics.CALLS),
            new EventType<>("revos.voice.call.initiated.v1", CallInitiated.class, Topics.CALLS),
            new EventType<>("revos.voice.call.initiation_failed.v1", CallInitiationFailed.class, Topics.CALLS),
            new EventType<>("revos.voice.call.completed.v1", CallCompleted.class, Topics.CALLS),
            new EventType<>("revos.voice.provider.call_reported.v1", CallReported.class, Topics.PROVIDER_REPORTS),
            new EventType<>("revos.voice.provider.recording_reported.v1", RecordingReported.class,
                    Topics.PROVIDER_REPORTS),
            new EventType<>("revos.voice.campaign.started.v1", CampaignStarted.class, Topics.CAMPAIGNS),
            new EventType<>("revos.voice.campaign.paused.v1", CampaignPaused.class, Topics.CAMPAIGNS),
            new EventType<>("revos.voice.campaign.resumed.v1", CampaignResumed.class, Topics.CAMPAIGNS),
            new EventType<>("revos.voice.campaign.retimed.v1", CampaignRetimed.class, Topics.CAMPAIGNS),
            new EventType<>("revos.voice.campaign.scaled.v1", CampaignScaled.class, Topics.CAMPAIGNS),
            new EventType<>("revos.voice.campaign.completed.v1", CampaignCompleted.class, Topics.CAMPAIGNS),
            new EventType<>("revos.voice.campaign.cancelled.v1", CampaignCancelled.class, Topics.CAMPAIGNS),
            new EventType<>("revos.voice.campaign.pause.v1", CampaignPause.class, Topics.KERNEL_COMMANDS),
            new EventType<>("revos.voice.campaign.retime.v1", CampaignRetime.class, Topics.KERNEL_COMMANDS),
            new EventType<>("revos.voice.campaign.scale.v1", CampaignScale.class, Topics.KERNEL_COMMANDS),
            new EventType<>("revos.voice.agent.script_change.v1", AgentScriptChange.class,
                    Topics.KERNEL_RECOMMENDATIONS),
            new EventType<>("revos.voice.campaign.scale_up.v1", CampaignScaleUp.class, Topics.KERNEL_RECOMMENDATIONS),
            new EventType<>("revos.voice.webhook.quarantined.v1", WebhookQuarantined.class, Topics.QUARANTINE));

    private static final Map<String, EventType<?>> BY_NAME =
            ALL.stream().collect(toUnmodifiableMap(EventType::name, Function.identity()));
    private static final Map<Class<?>, EventType<?>> BY_RECORD =
            ALL.stream().collect(toUnmodifiableMap(EventType::recordType, Function.identity()));

    private EventCatalog() {
    }

    public static Optional<EventType<?>> byName(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }

    @SuppressWarnings("unchecked")
    public static <E extends VoiceEvent> EventType<E> of(Class<E> recordType) {
        var type = (EventType<E>) BY_RECORD.get(recordType);
        if (type == null) {
            throw new IllegalArgumentException("No event type is registered for " + recordType.getName());
        }
        return type;
    }

    public static EventType<?> of(VoiceEvent event) {
        return of(event.getClass());
    }
}
