package com.revos.voice.events;

import java.util.List;

/** The topics of RevOS Voice (design.md section 3). */
public final class Topics {

    public static final Topic<ProvisioningEvent> PROVISIONING =
            new Topic<>("revos.voice.provisioning.v1", "agent or number id", ProvisioningEvent.class);
    public static final Topic<CallEvent> CALLS =
            new Topic<>("revos.voice.calls.v1", "campaign id, or call id for single calls", CallEvent.class);
    public static final Topic<ProviderReport> PROVIDER_REPORTS =
            new Topic<>("revos.voice.provider-reports.v1", "the provider's call or conversation id",
                    ProviderReport.class);
    public static final Topic<CampaignEvent> CAMPAIGNS =
            new Topic<>("revos.voice.campaigns.v1", "campaign id", CampaignEvent.class);
    public static final Topic<KernelCommand> KERNEL_COMMANDS =
            new Topic<>("revos.kernel.commands.v1", "campaign id", KernelCommand.class);
    public static final Topic<KernelRecommendation> KERNEL_RECOMMENDATIONS =
            new Topic<>("revos.kernel.recommendations.v1", "campaign id", KernelRecommendation.class);
    public static final Topic<QuarantineEvent> QUARANTINE =
            new Topic<>("revos.voice.webhooks.quarantine.v1", "provider event id", QuarantineEvent.class);

    public static final List<Topic<?>> ALL =
            List.of(PROVISIONING, CALLS, PROVIDER_REPORTS, CAMPAIGNS, KERNEL_COMMANDS, KERNEL_RECOMMENDATIONS, QUARANTINE);

    private Topics() {
    }
}
