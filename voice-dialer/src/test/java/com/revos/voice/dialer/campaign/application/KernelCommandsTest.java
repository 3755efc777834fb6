package com.revos.voice.dialer.campaign.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.revos.voice.dialer.campaign.model.Campaign;
import com.revos.voice.dialer.campaign.model.CampaignStatus;
import com.revos.voice.dialer.campaign.model.RetryPolicy;
import com.revos.voice.dialer.common.application.DialerException;
import com.revos.voice.dialer.compliance.model.CallingHoursPolicy;
import com.revos.voice.dialer.compliance.model.Purpose;
import com.revos.voice.dialer.common.application.Events;
import com.revos.voice.dialer.common.application.Transactions;
import com.revos.voice.dialer.directory.model.Dialable;
import com.revos.voice.dialer.pacing.application.CallPacing;
import com.revos.voice.dialer.pacing.model.PacingLimiter;
import com.revos.voice.dialer.pacing.model.TenantLimits;
import com.revos.voice.events.CallOutcome;
import com.revos.voice.events.CallingWindow;
import com.revos.voice.events.CampaignEvent;
import com.revos.voice.events.KernelCommand;
import com.revos.voice.events.Pacing;
import com.revos.voice.events.VoiceEvent;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The campaign use cases against in-memory ports: what a kernel command may and may not do to a campaign. */
class KernelCommandsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");
    private static final UUID TENANT = UUID.randomUUID();
    private static final TenantLimits LIMITS = new TenantLimits(10, 20);

    private final InMemoryCampaigns store = new InMemoryCampaigns();
    private final List<VoiceEvent> published = new ArrayList<>();
    private final Campaigns campaigns = new Campaigns(store, new NoContacts(), (tenant, agent, number) ->
            new Dialable(agent, "agent_x", number, "phnum_x", "+14155550100"), new FixedLimits(),
            new RecordedEvents(published), new DirectTransactions(), Clock.fixed(NOW, ZoneOffset.UTC),
            CallingHoursPolicy.standard());

    @Test
    void a_pause_for_a_running_campaign_pauses_it_and_confirms_with_the_command_id() {
        var campaign = store.add(running(TENANT));
        var command = new KernelCommand.CampaignPause(UUID.randomUUID(), campaign.id(), TENANT, UUID.randomUUID(),
                "stop-loss", NOW);

        campaigns.apply(command);

        assertThat(store.find(campaign.id()).orElseThrow().status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(published).singleElement().isInstanceOfSatisfying(CampaignEvent.CampaignPaused.class,
                paused -> assertThat(paused.commandId()).isEqualTo(command.commandId()));
    }

    @Test
    void a_command_naming_another_tenant_changes_nothing_and_says_nothing() {
        var campaign = store.add(running(TENANT));

        campaigns.apply(new KernelCommand.CampaignPause(UUID.randomUUID(), campaign.id(), UUID.randomUUID(),
                UUID.randomUUID(), "stop-loss", NOW));

        assertThat(store.find(campaign.id()).orElseThrow().status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(published).isEmpty();
    }

    @Test
    void a_scale_beyond_the_tenants_limits_is_clamped_to_them() {
        var campaign = store.add(running(TENANT));

        campaigns.apply(new KernelCommand.CampaignScale(UUID.randomUUID(), campaign.id(), TENANT, UUID.randomUUID(),
                new Pacing(50, 100), "scale-up", NOW));

        assertThat(store.find(campaign.id()).orElseThrow().pacing()).isEqualTo(new Pacing(10, 20));
        assertThat(published).singleElement().isInstanceOf(CampaignEvent.CampaignScaled.class);
    }

    @Test
    void a_retime_outside_the_legal_hours_is_clamped_into_them_and_the_campaign_says_so() {
        var campaign = store.add(running(TENANT));
        var command = new KernelCommand.CampaignRetime(UUID.randomUUID(), campaign.id(), TENANT, UUID.randomUUID(),
                new CallingWindow(11, 24, null), "shift three hours later", NOW);

        campaigns.apply(command);

        assertThat(store.find(campaign.id()).orElseThrow().callingWindow().endHour()).isEqualTo(21);
        assertThat(published).singleElement().isInstanceOfSatisfying(CampaignEvent.CampaignRetimed.class,
                retimed -> assertThat(retimed.callingWindow().startHour()).isEqualTo(11));
        assertThat(store.retimeNote(campaign.id()).orElseThrow()).contains("clamped to 11-21", "us-federal");
    }

    @Test
    void a_retime_wholly_outside_the_legal_hours_changes_nothing() {
        var campaign = store.add(running(TENANT));

        campaigns.apply(new KernelCommand.CampaignRetime(UUID.randomUUID(), campaign.id(), TENANT, UUID.randomUUID(),
                new CallingWindow(22, 6, null), "night", NOW));

        assertThat(store.find(campaign.id()).orElseThrow().callingWindow().startHour()).isEqualTo(9);
        assertThat(published).isEmpty();
        assertThat(store.retimeNote(campaign.id()).orElseThrow()).contains("refused");
    }

    @Test
    void a_command_for_a_finished_campaign_is_ignored() {
        var campaign = store.add(withStatus(running(TENANT), CampaignStatus.COMPLETED));

        campaigns.apply(new KernelCommand.CampaignScale(UUID.randomUUID(), campaign.id(), TENANT, UUID.randomUUID(),
                new Pacing(5, 5), "scale-up", NOW));

        assertThat(store.find(campaign.id()).orElseThrow().pacing()).isEqualTo(new Pacing(2, 4));
        assertThat(published).isEmpty();
    }

    @Test
    void starting_a_campaign_without_contacts_is_refused_as_a_conflict() {
        var campaign = store.add(withStatus(running(TENANT), CampaignStatus.DRAFT));

        assertThatThrownBy(() -> campaigns.start(TENANT, campaign.id())).isInstanceOfSatisfying(
                DialerException.class, e -> assertThat(e.kind()).isEqualTo(DialerException.Kind.CONFLICT));
        assertThat(published).isEmpty();
    }

    private static Campaign running(UUID tenant) {
        return new Campaign(UUID.randomUUID(), tenant, "Q4 renewals", UUID.randomUUID(), UUID.randomUUID(),
                CampaignStatus.RUNNING, new CallingWindow(9, 17, EnumSet.allOf(DayOfWeek.class)), new Pacing(2, 4),
                new RetryPolicy(3, 60, 60, 60, 60), NOW, NOW, null, Purpose.INFORMATIONAL);
    }

    static Campaign withStatus(Campaign c, CampaignStatus status) {
        return new Campaign(c.id(), c.tenantId(), c.name(), c.agentId(), c.phoneNumberId(), status,
                c.callingWindow(), c.pacing(), c.retryPolicy(), c.createdAt(), c.startedAt(), c.finishedAt(), c.purpose());
    }

    /** A campaign without contacts. */
    private static final class NoContacts implements ContactQueue {
        @Override
        public void withhold(UUID contactId, int attempt) {
        }

        @Override
        public boolean[] insert(UUID campaignId, UUID tenantId, List<NewContact> batch) {
            return new boolean[batch.size()];
        }

        @Override
        public long count(UUID campaignId) {
            return 0;
        }

        @Override
        public List<String> pendingZoneKeys(UUID campaignId) {
            return List.of();
        }

        @Override
        public int suppressPending(UUID campaignId, UUID tenantId) {
            return 0;
        }

        @Override
        public List<Claimed> claim(UUID campaignId, UUID tenantId, List<String> openZones, int maxAttempts,
                                   Instant now, int limit) {
            return List.of();
        }

        @Override
        public void requeueUndialed(UUID contactId, int attempt, Instant notBefore) {
        }

        @Override
        public Optional<UUID> afterOutcome(UUID contactId, int attempt, CallOutcome outcome, Instant now) {
            return Optional.empty();
        }

        @Override
        public void cancelPending(UUID campaignId) {
        }
    }

    private static final class FixedLimits implements CallPacing {
        @Override
        public TenantLimits limits(UUID tenantId) {
            return LIMITS;
        }

        @Override
        public CallPacing inAnotherInstance() {
            return this;
        }

        @Override
        public int accountMaxConcurrent() {
            return 100;
        }

        @Override
        public PacingLimiter limiter(UUID tenantId) {
            return PacingLimiter.perSecond(LIMITS.callsPerSecond(), Duration.ofMillis(20));
        }

        @Override
        public boolean awaitSharedStart(UUID tenantId, BooleanSupplier withStart) {
            return withStart.getAsBoolean();
        }
    }

    private record RecordedEvents(List<VoiceEvent> published) implements Events {
        @Override
        public void publish(VoiceEvent event) {
            published.add(event);
        }

        @Override
        public void publish(VoiceEvent event, UUID eventId) {
            published.add(event);
        }
    }

    private static final class DirectTransactions implements Transactions {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }

        @Override
        public void afterCommit(Runnable action) {
            action.run();
        }
    }
}
