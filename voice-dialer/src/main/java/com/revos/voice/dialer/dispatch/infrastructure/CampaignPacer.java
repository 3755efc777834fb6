package com.revos.voice.dialer.dispatch.infrastructure;

import com.revos.voice.dialer.call.model.Attempt;
import com.revos.voice.dialer.call.model.SendPacing;
import com.revos.voice.dialer.campaign.model.Campaign;
import com.revos.voice.dialer.campaign.model.CampaignStatus;
import com.revos.voice.dialer.campaign.model.WindowRule;
import com.revos.voice.dialer.pacing.model.PacingLead;
import com.revos.voice.dialer.pacing.model.PacingLimiter;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

/**
 * Paces one running campaign in this instance while it holds the campaign's lease, as two loops. The planner
 * re-reads the campaign every tick (a pause, retime or scale takes effect within one tick), and keeps about five
 * ticks' worth of attempts queued: due contacts leased under the concurrency caps, their attempts recorded in one
 * transaction. The sender starts each queued call on a virtual thread when the campaign's and the tenant's limiters
 * allow, so database round trips never stall the pace. When the campaign stops, queued attempts are withdrawn
 * (never dialed, the contact's attempt given back).
 *
 * <p>The hard cap is where each request leaves ({@code atSend}, a window of one second plus the guard). What feeds
 * it runs a little faster (the campaign's limiter and the tenant's have a window of one second) but never more than
 * a quarter second of calls ahead of it: so a few calls wait at the cap, and a stall between the feeders and the cap
 * (the shared grant's database round trips, a busy carrier thread) does not cost the cap the slots it had, which a
 * feeder exactly as slow as the cap could never give back.
 */
final class CampaignPacer implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(CampaignPacer.class);
    private static final long ZONE_REFRESH_NANOS = 5_000_000_000L;
    private static final long SUPPRESSION_SWEEP_NANOS = 1_000_000_000L;
    private static final int LOOKAHEAD_TICKS = 5;
    private static final long PACE_REFRESH_NANOS = 5_000_000_000L;
    /** How far, in time at the campaign's rate, the feeders may run ahead of the cap. */
    private static final double LEAD_SECONDS = 0.25;

    private final UUID campaignId;
    /** The lease's epoch this pacer claims and sends under; when the lease is renewed at another, it stops. */
    private final long epoch;
    private final Dispatcher dispatcher;
    private final ConcurrentLinkedDeque<Long> recentStarts = new ConcurrentLinkedDeque<>();
    private final LinkedBlockingQueue<Attempt> queue = new LinkedBlockingQueue<>();
    /** Calls let go by the feeders and not yet through the cap (or given up); sized when pacing starts. */
    private final PacingLead lead = new PacingLead(1, LEAD_SECONDS);
    private volatile boolean active = true;
    private volatile @Nullable PacingLimiter limiter;
    /** The hard cap where requests leave (one second plus the guard): what the provider sees is held by it. */
    private volatile @Nullable PacingLimiter atSend;
    private List<String> zoneKeys = List.of();
    private long zonesReadAt = System.nanoTime() - ZONE_REFRESH_NANOS - 1;
    private double paceFactor = 1.0;
    private long paceReadAt = System.nanoTime() - PACE_REFRESH_NANOS - 1;
    private long sweptAt = System.nanoTime() - SUPPRESSION_SWEEP_NANOS - 1;

    CampaignPacer(UUID campaignId, long epoch, Dispatcher dispatcher) {
        this.campaignId = campaignId;
        this.epoch = epoch;
        this.dispatcher = dispatcher;
    }

    @Override
    public void run() {
        var meters = new ArrayList<Meter>();
        Thread sender = null;
        try {
            while (dispatcher.isRunning() && dispatcher.lease(campaignId).equals(OptionalLong.of(epoch))) {
                var campaign = dispatcher.campaigns().find(campaignId).orElse(null);
                if (campaign == null || campaign.status() != CampaignStatus.RUNNING) {
                    return;
                }
                var rate = rate(campaign);
                var paced = limiter;
                var sent = atSend;
                if (paced == null || sent == null) {
                    limiter = PacingLimiter.perSecond(rate, Duration.ZERO);
                    atSend = PacingLimiter.perSecond(rate, dispatcher.pacingGuard());
                    lead.resize(rate);
                    meters.addAll(registerMeters(campaign));
                    // a platform thread: its timing must not wait for a virtual-thread carrier busy with dial work
                    sender = Thread.ofPlatform().daemon().priority(Thread.MAX_PRIORITY).name("sender-" + campaignId)
                            .start(this::sendLoop);
                } else if (paced.rate() != rate) {
                    paced.setRate(rate);
                    sent.setRate(rate);
                    lead.resize(rate);
                }
                plan(campaign);
                Thread.sleep(dispatcher.tick());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Pacing campaign {} failed; another tick or instance takes over", campaignId, e);
        } finally {
            active = false;
            if (sender != null) {
                try {
                    sender.join(Duration.ofSeconds(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            withdrawQueued();
            meters.forEach(dispatcher.meters()::remove);
            dispatcher.released(campaignId);
        }
    }

    /** Tops the queue up to about five ticks of calls, within the window and the concurrency caps. */
    private void plan(Campaign campaign) {
        if (dispatcher.breaker().getState() == CircuitBreaker.State.OPEN) {
            return;
        }
        var now = dispatcher.clock().instant();
        var open = WindowRule.openZoneKeys(campaign.callingWindow(), zoneKeys(false), now);
        if (open.isEmpty()) {
            if (queue.isEmpty()) {
                dispatcher.completeIfDrained(campaignId);
            }
            return;
        }
        var perTick = rate(campaign) * dispatcher.tick().toNanos() / 1e9;
        var wanted = (int) Math.ceil(perTick * LOOKAHEAD_TICKS) - queue.size();
        var size = Math.min(dispatcher.capacity(campaign), wanted);
        if (size <= 0) {
            return;
        }
        var sweep = System.nanoTime() - sweptAt > SUPPRESSION_SWEEP_NANOS;
        if (sweep) {
            sweptAt = System.nanoTime();
        }
        var batch = dispatcher.claimAndRecord(campaign, epoch, open, now, size, sweep);
        if (batch.isEmpty()) {
            zoneKeys(true);
            if (queue.isEmpty()) {
                dispatcher.completeIfDrained(campaignId);
            }
            return;
        }
        queue.addAll(batch);
    }

    /** The campaign's pace, slowed while its abandonment rate nears the legal 3 % (re-read every 5 s). */
    private double rate(Campaign campaign) {
        var nowNanos = System.nanoTime();
        if (nowNanos - paceReadAt > PACE_REFRESH_NANOS) {
            paceFactor = dispatcher.paceFactor(campaignId);
            paceReadAt = nowNanos;
        }
        return campaign.pacing().callsPerSecond() * paceFactor;
    }

    private void sendLoop() {
        // started once both limiters are set; they are never replaced, only re-rated
        var paced = Objects.requireNonNull(limiter, "the limiter is set before the sender starts");
        var sendLimiter = Objects.requireNonNull(atSend, "the send cap is set before the sender starts");
        try {
            while (active && dispatcher.isRunning()) {
                var attempt = queue.poll(dispatcher.tick().toNanos(), TimeUnit.NANOSECONDS);
                if (attempt == null) {
                    continue;
                }
                lead.acquire();
                paced.acquire();
                dispatcher.tenantLimiter(attempt.tenantId()).acquire();
                if (!active || !dispatcher.isRunning()) {
                    lead.release();
                    dispatcher.withdraw(attempt, "campaign stopped before dialing");
                    break;
                }
                noteStart();
                var ahead = lead.place();
                // the shared grant first (a database round trip), the campaign's limiter again last, on the thread
                // that writes the request: what leaves the process is spaced by a limiter with nothing after it but
                // the wire, however the database work between the two bunched the calls
                dispatcher.dialAsync(attempt, ahead, new SendPacing() {
                    /** Both steps run on the thread that writes the request (the wire thread). */
                    private long grantedAt;

                    @Override
                    public boolean await(BooleanSupplier markSending) throws InterruptedException {
                        var sending = active && dispatcher.tenants().awaitSharedStart(attempt.tenantId(), markSending);
                        if (!sending) {
                            ahead.run();
                        }
                        return sending;
                    }

                    @Override
                    public void atWire() throws InterruptedException {
                        try {
                            grantedAt = sendLimiter.acquire();
                        } finally {
                            ahead.run();
                        }
                    }

                    @Override
                    public void written(long nanoTime) {
                        // a write the machine delayed past the guard counts from when it left, not from its grant
                        sendLimiter.restamp(grantedAt, nanoTime);
                    }
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Sending calls of campaign {} failed", campaignId, e);
            active = false;
        }
    }

    private void withdrawQueued() {
        for (var attempt = queue.poll(); attempt != null; attempt = queue.poll()) {
            try {
                dispatcher.withdraw(attempt, "campaign stopped before dialing");
            } catch (RuntimeException e) {
                // the row stays 'requested' and is reconciled as a possibly dialed attempt: never sent twice
                log.warn("Withdrawing call {} failed", attempt.callId(), e);
            }
        }
    }

    private List<String> zoneKeys(boolean refresh) {
        var nowNanos = System.nanoTime();
        if (refresh || zoneKeys.isEmpty() || nowNanos - zonesReadAt > ZONE_REFRESH_NANOS) {
            zoneKeys = dispatcher.contacts().pendingZoneKeys(campaignId);
            zonesReadAt = nowNanos;
        }
        return zoneKeys;
    }

    private void noteStart() {
        var now = System.nanoTime();
        recentStarts.addLast(now);
        trim(now);
    }

    /** Calls started in the last second: the achieved pacing rate. */
    double currentRate() {
        trim(System.nanoTime());
        return recentStarts.size();
    }

    private void trim(long now) {
        Long head;
        while ((head = recentStarts.peekFirst()) != null && now - head >= 1_000_000_000L) {
            recentStarts.pollFirst();
        }
    }

    private List<Meter> registerMeters(Campaign campaign) {
        var registry = dispatcher.meters();
        var tag = campaign.id().toString();
        return List.of(
                Gauge.builder("revos.dialer.pacing.rate", this, CampaignPacer::currentRate)
                        .description("calls started in the last second").tag("campaign", tag).register(registry),
                Gauge.builder("revos.dialer.pacing.limit", this, p -> p.limiter instanceof PacingLimiter l ? l.rate() : 0)
                        .description("configured calls per second").tag("campaign", tag).register(registry));
    }
}
