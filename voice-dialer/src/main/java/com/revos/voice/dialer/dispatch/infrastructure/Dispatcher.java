package com.revos.voice.dialer.dispatch.infrastructure;

import com.revos.voice.dialer.DialerProperties;
import com.revos.voice.dialer.call.infrastructure.Attempt;
import com.revos.voice.dialer.call.infrastructure.Attempts;
import com.revos.voice.dialer.call.infrastructure.CallStore;
import com.revos.voice.dialer.call.infrastructure.Owner;
import com.revos.voice.dialer.call.model.SendPacing;
import com.revos.voice.dialer.campaign.infrastructure.CampaignCompletion;
import com.revos.voice.dialer.campaign.infrastructure.CampaignStore;
import com.revos.voice.dialer.campaign.infrastructure.ContactStore;
import com.revos.voice.dialer.pacing.infrastructure.TenantPacing;
import com.revos.voice.dialer.campaign.model.Campaign;
import com.revos.voice.dialer.campaign.model.ContactZones;
import com.revos.voice.dialer.directory.infrastructure.Directory;
import com.revos.voice.dialer.pacing.model.PacingLimiter;
import com.revos.voice.service.ApiException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dialer's dispatch loop in one instance. Every tick it looks for running campaigns and takes the pacing lease
 * of those no live instance holds (so a campaign's rate is enforced in one place while campaigns spread over
 * instances); contacts themselves are leased with {@code FOR UPDATE SKIP LOCKED}, so even overlapping instances
 * never dial a contact twice.
 */
public class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final String instanceId;
    private final Services services;
    private final Map<UUID, Thread> pacers = new ConcurrentHashMap<>();
    private final AtomicInteger inFlightRequests = new AtomicInteger();
    private volatile boolean running;
    private ExecutorService calls;
    private Thread loop;

    /** What the dispatcher works with. */
    public record Services(CampaignStore campaigns, ContactStore contacts, CallStore calls, Attempts attempts,
                           CampaignCompletion completion, Directory directory, TenantPacing tenants,
                           DialerProperties properties, TransactionTemplate transactions, Clock clock,
                           CircuitBreaker breaker, MeterRegistry meters) {
    }

    public Dispatcher(String instanceId, Services services) {
        this.instanceId = instanceId;
        this.services = services;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        calls = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("dial-", 0).factory());
        loop = Thread.ofPlatform().daemon().name("dispatcher-" + instanceId).start(this::loop);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (loop != null) {
            loop.interrupt();
        }
        pacers.values().forEach(Thread::interrupt);
        for (var pacer : List.copyOf(pacers.values())) {
            try {
                pacer.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (calls != null) {
            calls.shutdown();
            try {
                if (!calls.awaitTermination(5, TimeUnit.SECONDS)) {
                    calls.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server and consumers, so in-flight provider requests can record their answers. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    public String instanceId() {
        return instanceId;
    }

    /** Campaigns this instance is pacing now. */
    public Set<UUID> pacing() {
        return Set.copyOf(pacers.keySet());
    }

    private void loop() {
        while (running) {
            try {
                scan();
                Thread.sleep(tick());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Dispatch scan failed; retrying next tick", e);
            }
        }
    }

    /** Starts a pacer for each running campaign whose lease this instance gets, at the lease's epoch. */
    void scan() {
        for (var id : services.campaigns().running()) {
            if (!pacers.containsKey(id)) {
                lease(id).ifPresent(epoch -> pacers.computeIfAbsent(id, key -> Thread.ofVirtual()
                        .name("pacer-" + key).start(new CampaignPacer(key, epoch, this))));
            }
        }
    }

    /** Takes or renews the campaign's pacing lease; its epoch, or empty when another instance holds it. */
    OptionalLong lease(UUID campaignId) {
        return services.campaigns().lease(campaignId, instanceId, services.properties().dispatch().lease());
    }

    void released(UUID campaignId) {
        pacers.remove(campaignId);
        try {
            services.campaigns().releaseLease(campaignId, instanceId);
        } catch (RuntimeException e) {
            log.debug("Lease release of {} failed; it expires by itself", campaignId, e);
        }
    }

    /** How many more calls may start now under the campaign's, the tenant's and the number's concurrency caps. */
    int capacity(Campaign campaign) {
        var open = services.calls().open(campaign.tenantId(), campaign.phoneNumberId(), campaign.id());
        var limits = services.tenants().limits(campaign.tenantId());
        return (int) Math.min(Math.min(campaign.pacing().maxConcurrent() - open.campaign(),
                services.tenants().accountMaxConcurrent() - open.account()),
                Math.min(limits.maxConcurrent() - open.tenant(),
                        services.properties().numberMaxConcurrent() - open.number()));
    }

    /**
     * Leases due contacts and records one attempt for each ({@code requested}, {@code CallRequested} in the outbox),
     * committed before any of them is dialed.
     */
    List<Attempt> claimAndRecord(Campaign campaign, long epoch, List<String> openZones, Instant now, int size,
                                 boolean sweepSuppressed) {
        Directory.Dialable dialable;
        try {
            dialable = services.directory().dialable(campaign.tenantId(), campaign.agentId(),
                    campaign.phoneNumberId());
        } catch (ApiException e) {
            log.warn("Campaign {} cannot dial: {}", campaign.id(), e.getMessage());
            return List.of();
        }
        return services.transactions().execute(status -> {
            if (sweepSuppressed) {
                // the claim skips suppressed numbers anyway; the sweep only makes them count as 'suppressed'
                services.contacts().suppressPending(campaign.id(), campaign.tenantId());
            }
            var claimed = services.contacts().claim(campaign.id(), campaign.tenantId(), openZones,
                    campaign.retryPolicy().maxAttempts(), now, size);
            var batch = new ArrayList<Attempt>(claimed.size());
            var owner = new Owner(instanceId, epoch);
            for (var contact : claimed) {
                var attempt = new Attempt(UUID.randomUUID(), campaign.tenantId(), campaign.id(), contact.id(),
                        contact.attempt(), campaign.agentId(), campaign.phoneNumberId(), dialable.fromNumber(),
                        contact.phone(),
                        dialable.providerAgentId(), dialable.providerPhoneNumberId(), contact.variables(),
                        ContactZones.localHour(contact.zoneKey(), now), owner);
                services.attempts().recordRequested(attempt);
                batch.add(attempt);
            }
            return batch;
        });
    }

    void dialAsync(Attempt attempt, SendPacing gate) {
        inFlightRequests.incrementAndGet();
        calls.execute(() -> {
            try {
                services.attempts().dial(attempt, gate);
            } catch (RuntimeException e) {
                // the row stays as it was ('requested' or 'sending'): recovery gives it back or resolves it with
                // the provider, and it is never sent twice
                log.warn("Recording the answer for call {} failed", attempt.callId(), e);
            } finally {
                inFlightRequests.decrementAndGet();
            }
        });
    }

    void withdraw(Attempt attempt, String reason) {
        services.attempts().withdraw(attempt, reason);
    }

    void completeIfDrained(UUID campaignId) {
        services.transactions().executeWithoutResult(status -> services.completion().completeIfDrained(campaignId));
    }

    TenantPacing tenants() {
        return services.tenants();
    }

    PacingLimiter tenantLimiter(UUID tenantId) {
        return services.tenants().limiter(tenantId);
    }

    int inFlightRequests() {
        return inFlightRequests.get();
    }

    Duration pacingGuard() {
        return services.properties().dispatch().pacingGuard();
    }

    Duration tick() {
        return services.properties().dispatch().tick();
    }

    CampaignStore campaigns() {
        return services.campaigns();
    }

    ContactStore contacts() {
        return services.contacts();
    }

    Clock clock() {
        return services.clock();
    }

    CircuitBreaker breaker() {
        return services.breaker();
    }

    MeterRegistry meters() {
        return services.meters();
    }
}
