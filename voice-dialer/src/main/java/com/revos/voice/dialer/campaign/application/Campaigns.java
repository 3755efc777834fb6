package com.revos.voice.dialer.campaign.application;

import com.revos.voice.dialer.campaign.model.Campaign;
import com.revos.voice.dialer.campaign.model.CampaignStatus;
import com.revos.voice.dialer.common.application.DialerException;
import com.revos.voice.dialer.common.application.Events;
import com.revos.voice.dialer.common.application.Transactions;
import com.revos.voice.dialer.directory.application.Directory;
import com.revos.voice.dialer.pacing.application.CallPacing;
import com.revos.voice.dialer.compliance.application.ComplianceRefusal;
import com.revos.voice.dialer.compliance.model.CallingHoursPolicy;
import com.revos.voice.events.CallingWindow;
import com.revos.voice.events.CampaignEvent;
import com.revos.voice.events.KernelCommand;
import com.revos.voice.events.Pacing;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

/** Campaign lifecycle: every status change and its event commit together (outbox). */
public class Campaigns {

    private static final Logger log = LoggerFactory.getLogger(Campaigns.class);

    private final CampaignRecords store;
    private final ContactQueue contacts;
    private final Directory directory;
    private final CallPacing tenants;
    private final Events outbox;
    private final Transactions transactions;
    private final Clock clock;
    private final CallingHoursPolicy ceiling;

    public Campaigns(CampaignRecords store, ContactQueue contacts, Directory directory, CallPacing tenants,
                     Events outbox, Transactions transactions, Clock clock, CallingHoursPolicy ceiling) {
        this.store = store;
        this.contacts = contacts;
        this.directory = directory;
        this.tenants = tenants;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.ceiling = ceiling;
    }

    public Campaign create(Campaign draft) {
        ceiling.violatedBy(draft.callingWindow()).ifPresent(rule -> {
            throw ComplianceRefusal.window("calling_window", rule);
        });
        directory.dialable(draft.tenantId(), draft.agentId(), draft.phoneNumberId());
        checkLimits(draft.tenantId(), draft.pacing());
        transactions.inTransaction(() -> store.insert(draft));
        return draft;
    }

    public Campaign get(UUID tenantId, UUID id) {
        return store.find(id).filter(c -> c.tenantId().equals(tenantId))
                .orElseThrow(() -> DialerException.notFound("campaign", "No campaign " + id + " for this tenant"));
    }

    public Campaign start(UUID tenantId, UUID id) {
        return change(tenantId, id, Set.of(CampaignStatus.DRAFT), campaign -> {
            var count = contacts.count(id);
            if (count == 0) {
                throw DialerException.conflict("Campaign " + id + " has no contacts; upload contacts before starting");
            }
            directory.dialable(tenantId, campaign.agentId(), campaign.phoneNumberId());
            var now = clock.instant();
            store.setStatus(id, CampaignStatus.RUNNING, now, null);
            outbox.publish(new CampaignEvent.CampaignStarted(id, tenantId, campaign.name(), campaign.callingWindow(),
                    campaign.pacing(), tenants.limits(tenantId).asPacing(), count, now));
        });
    }

    public Campaign pause(UUID tenantId, UUID id, String reason, @Nullable UUID commandId) {
        return change(tenantId, id, Set.of(CampaignStatus.RUNNING), campaign -> {
            var now = clock.instant();
            store.setStatus(id, CampaignStatus.PAUSED, null, null);
            outbox.publish(new CampaignEvent.CampaignPaused(id, tenantId, reason, commandId, now));
        });
    }

    public Campaign resume(UUID tenantId, UUID id) {
        return change(tenantId, id, Set.of(CampaignStatus.PAUSED), campaign -> {
            store.setStatus(id, CampaignStatus.RUNNING, null, null);
            outbox.publish(new CampaignEvent.CampaignResumed(id, tenantId, clock.instant()));
        });
    }

    public Campaign cancel(UUID tenantId, UUID id) {
        return change(tenantId, id, Set.of(CampaignStatus.DRAFT, CampaignStatus.RUNNING, CampaignStatus.PAUSED),
                campaign -> {
                    var now = clock.instant();
                    store.setStatus(id, CampaignStatus.CANCELLED, null, now);
                    contacts.cancelPending(id);
                    outbox.publish(new CampaignEvent.CampaignCancelled(id, tenantId, now));
                });
    }

    /** Applies a kernel command in the consumer's transaction and confirms it with the command's id. */
    public void apply(KernelCommand command) {
        var found = store.lock(command.tenantId(), command.campaignId());
        if (found.isEmpty() || found.get().status().finished()) {
            log.info("Kernel command {} for campaign {} ignored: no such active campaign of tenant {}",
                    command.commandId(), command.campaignId(), command.tenantId());
            return;
        }
        var campaign = found.get();
        var now = clock.instant();
        switch (command) {
            case KernelCommand.CampaignPause pause -> {
                if (campaign.status() == CampaignStatus.RUNNING) {
                    store.setStatus(campaign.id(), CampaignStatus.PAUSED, null, null);
                }
                outbox.publish(new CampaignEvent.CampaignPaused(campaign.id(), campaign.tenantId(),
                        pause.reason() == null ? "kernel" : pause.reason(), pause.commandId(), now));
            }
            case KernelCommand.CampaignRetime retime -> {
                if (retime.callingWindow() == null || retime.callingWindow().startHour() < 0
                        || retime.callingWindow().endHour() > 24
                        || retime.callingWindow().startHour() == retime.callingWindow().endHour()) {
                    log.warn("Kernel retime command {} ignored: window {} is not valid", retime.commandId(),
                            retime.callingWindow());
                    return;
                }
                // the optimizer recommends; the law decides: a window outside the ceiling is clamped into it, and
                // the confirmation carries the window applied, so the optimizer's trail shows what was kept
                var clamped = ceiling.clamp(retime.callingWindow());
                if (clamped.isEmpty()) {
                    log.warn("Kernel retime command {} ignored: window {} lies wholly outside the legal hours {}",
                            retime.commandId(), retime.callingWindow(), ceiling.widest().hours());
                    store.setRetimeNote(campaign.id(), "retime " + hours(retime.callingWindow()) + " (command "
                            + retime.commandId() + ") refused: wholly outside " + ceiling.widest().hours() + " ("
                            + ceiling.widest().id() + ")");
                    return;
                }
                var applied = clamped.get();
                store.setWindow(campaign.id(), applied);
                store.setRetimeNote(campaign.id(), applied.equals(retime.callingWindow()) ? null : "retime "
                        + hours(retime.callingWindow()) + " (command " + retime.commandId() + ") clamped to "
                        + hours(applied) + " by " + ceiling.widest().id() + ", " + ceiling.widest().name());
                outbox.publish(new CampaignEvent.CampaignRetimed(campaign.id(), campaign.tenantId(), applied,
                        retime.commandId(), now));
            }
            case KernelCommand.CampaignScale scale -> {
                if (scale.pacing() == null || scale.pacing().callsPerSecond() <= 0
                        || scale.pacing().maxConcurrent() <= 0) {
                    log.warn("Kernel scale command {} ignored: pacing {} is not positive", scale.commandId(),
                            scale.pacing());
                    return;
                }
                var pacing = tenants.limits(campaign.tenantId()).clamp(scale.pacing());
                store.setPacing(campaign.id(), pacing);
                outbox.publish(new CampaignEvent.CampaignScaled(campaign.id(), campaign.tenantId(), pacing,
                        scale.commandId(), now));
            }
        }
    }

    private static String hours(CallingWindow window) {
        return String.format(java.util.Locale.ROOT, "%02d-%02d", window.startHour(), window.endHour());
    }

    private Campaign change(UUID tenantId, UUID id, Set<CampaignStatus> from,
                            java.util.function.Consumer<Campaign> change) {
        transactions.inTransaction(() -> {
            var campaign = store.lock(tenantId, id)
                    .orElseThrow(() -> DialerException.notFound("campaign", "No campaign " + id + " for this tenant"));
            if (!from.contains(campaign.status())) {
                throw DialerException.conflict("Campaign " + id + " is " + campaign.status().db() + "; this action needs "
                        + "it to be " + from.stream().map(CampaignStatus::db).sorted().toList());
            }
            change.accept(campaign);
        });
        return get(tenantId, id);
    }

    private void checkLimits(UUID tenantId, Pacing pacing) {
        var limits = tenants.limits(tenantId);
        var errors = new java.util.ArrayList<DialerException.FieldError>();
        if (pacing.callsPerSecond() > limits.callsPerSecond()) {
            errors.add(new DialerException.FieldError("pacing.calls_per_second",
                    "must be at most the tenant's limit of " + limits.callsPerSecond()));
        }
        if (pacing.maxConcurrent() > limits.maxConcurrent()) {
            errors.add(new DialerException.FieldError("pacing.max_concurrent",
                    "must be at most the tenant's limit of " + limits.maxConcurrent()));
        }
        if (!errors.isEmpty()) {
            throw DialerException.invalid(List.copyOf(errors));
        }
    }

    public static CallingWindow window(Integer start, Integer end, Set<java.time.DayOfWeek> days) {
        return new CallingWindow(start == null ? 8 : start, end == null ? 21 : end, days);
    }
}
