package com.revos.voice.dialer.dispatch.infrastructure;

import com.revos.voice.dialer.DialerProperties;
import com.revos.voice.dialer.call.model.Attempt;
import com.revos.voice.dialer.call.model.Owner;
import com.revos.voice.dialer.call.model.SendPacing;
import com.revos.voice.dialer.campaign.application.CampaignRecords;
import com.revos.voice.dialer.campaign.application.ContactQueue;
import com.revos.voice.dialer.campaign.model.Campaign;
import com.revos.voice.dialer.dispatch.application.DispatchPlan;
import com.revos.voice.dialer.pacing.application.CallPacing;
import com.revos.voice.dialer.pacing.model.PacingLimiter;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.jspecify.annotations.Nullable;

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
    private @Nullable ExecutorService calls;
    private @Nullable Thread loop;

    /** What the dispatcher works with. */
    public record Services(DispatchPlan plan, CampaignRecords campaigns, ContactQueue contacts, CallPacing tenants,
                           DialerProperties properties, Clock clock, CircuitBreaker breaker, MeterRegistry meters) {

        /** The same services as another dialer process has them (limiters of its own), for a second dispatcher. */
        public Services inAnotherInstance() {
            return new Services(plan, campaigns, contacts, tenants.inAnotherInstance(), properties, clock, breaker,
                    meters);
        }
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

    int capacity(Campaign campaign) {
        return services.plan().capacity(campaign);
    }

    List<Attempt> claimAndRecord(Campaign campaign, long epoch, List<String> openZones, Instant now, int size,
                                 boolean sweepSuppressed) {
        return services.plan().claimAndRecord(campaign, new Owner(instanceId, epoch), openZones, now, size,
                sweepSuppressed);
    }

    /** Dials on a virtual thread; {@code finished} runs when it is over, however it ended. */
    void dialAsync(Attempt attempt, Runnable finished, SendPacing gate) {
        var executor = Objects.requireNonNull(calls, "dials only after start()");
        inFlightRequests.incrementAndGet();
        executor.execute(() -> {
            try {
                services.plan().dial(attempt, gate);
            } catch (RuntimeException e) {
                // the row stays as it was ('requested' or 'sending'): recovery gives it back or resolves it with
                // the provider, and it is never sent twice
                log.warn("Recording the answer for call {} failed", attempt.callId(), e);
            } finally {
                inFlightRequests.decrementAndGet();
                finished.run();
            }
        });
    }

    void withdraw(Attempt attempt, String reason) {
        services.plan().withdraw(attempt, reason);
    }

    void completeIfDrained(UUID campaignId) {
        services.plan().completeIfDrained(campaignId);
    }

    double paceFactor(UUID campaignId) {
        return services.plan().paceFactor(campaignId);
    }

    CallPacing tenants() {
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

    CampaignRecords campaigns() {
        return services.campaigns();
    }

    ContactQueue contacts() {
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
