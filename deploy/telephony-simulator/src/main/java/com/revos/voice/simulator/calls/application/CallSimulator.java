package com.revos.voice.simulator.calls.application;

import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.revos.voice.simulator.Ids;
import com.revos.voice.simulator.calls.model.Admission;
import com.revos.voice.simulator.calls.model.CallPlan;
import com.revos.voice.simulator.calls.model.SimulationSettings;

/**
 * Places simulated calls. Nothing waits in a thread: the API latency, the call itself and the webhook retries
 * are all timers on one scheduler, so thousands of concurrent calls cost memory, not threads.
 */
public final class CallSimulator {

    /** Used when the caller names a number it never imported; the real API would refuse, the simulator is lenient. */
    static final Directory.Line UNKNOWN_LINE = new Directory.Line("+15005550006", "AC00000000000000000000000000000000");

    private static final System.Logger LOG = System.getLogger(CallSimulator.class.getName());

    private final SimulationControl control;
    private final CallStats stats;
    private final ProviderArrivals arrivals;
    private final ConversationRegistry conversations;
    private final Directory directory;
    private final WebhookDispatcher webhooks;
    private final ScheduledExecutorService scheduler;
    private final InstantSource clock;

    public CallSimulator(SimulationControl control, CallStats stats, ProviderArrivals arrivals,
                         ConversationRegistry conversations, Directory directory, WebhookDispatcher webhooks,
                         ScheduledExecutorService scheduler, InstantSource clock) {
        this.control = control;
        this.stats = stats;
        this.arrivals = arrivals;
        this.conversations = conversations;
        this.directory = directory;
        this.webhooks = webhooks;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * Places the call (or refuses it) as the request arrives, and answers after the configured API latency: like the
     * real provider, a call is placed even when its answer reaches the client after the client gave up waiting.
     */
    public CompletableFuture<Placement> place(OutboundCall call) {
        return place(call, new ProviderArrivals.Stamp(clock.instant(), null));
    }

    /** As {@link #place(OutboundCall)}, for a request stamped where it reached the provider. */
    public CompletableFuture<Placement> place(OutboundCall call, ProviderArrivals.Stamp arrival) {
        // the provider saw the request then, before its own latency and whatever it answers
        Directory.Line from = directory.line(call.agentPhoneNumberId()).orElse(UNKNOWN_LINE);
        arrivals.arrived(from.accountSid(), from.phoneNumber(), call.toNumber(), arrival);
        CompletableFuture<Placement> result = new CompletableFuture<>();
        Placement placement;
        try {
            placement = admit(call);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return result;
        }
        scheduler.schedule(() -> result.complete(placement), control.settings().apiLatencyMs(),
                TimeUnit.MILLISECONDS);
        return result;
    }

    /** The Twilio calls to a number (from ours), as the account's Calls list shows them (provider-apis.md 10). */
    public java.util.List<Map<String, Object>> twilioCalls(String toNumber, String fromNumber, int limit) {
        return conversations.toNumber(toNumber, fromNumber, limit).stream()
                .map(c -> Map.<String, Object>of("sid", c.callSid(), "to", c.call().toNumber(), "from",
                        c.agentNumber() == null ? "" : c.agentNumber(), "status",
                        c.data() == null ? "in-progress" : "completed", "direction", "outbound-api",
                        "start_time", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                java.time.Instant.ofEpochSecond(c.startTimeUnixSecs()).atZone(java.time.ZoneOffset.UTC))))
                .toList();
    }

    /** The conversations of an agent started since then, as the conversation list shows them. */
    public java.util.List<Map<String, Object>> conversations(String agentId, long startedAfterUnixSecs, int limit) {
        return conversations.list(agentId, startedAfterUnixSecs, limit).stream()
                .map(c -> Map.<String, Object>of("conversation_id", c.conversationId(), "agent_id",
                        c.call().agentId(), "status", c.data() == null ? "in-progress" : "done",
                        "start_time_unix_secs", c.startTimeUnixSecs(), "direction", "outbound"))
                .toList();
    }

    public Optional<Map<String, Object>> conversation(String conversationId) {
        return conversations.find(conversationId)
                .map(c -> c.data() != null ? c.data() : WebhookPayloads.inProgressData(c));
    }

    private Placement admit(OutboundCall call) {
        SimulationSettings settings = control.settings();
        Admission admission = control.drawer().admit(settings, stats.snapshot().inProgress());
        if (admission != Admission.ACCEPTED) {
            stats.rejected(admission);
            return new Placement.Rejected(admission);
        }
        Directory.Line line = directory.line(call.agentPhoneNumberId()).orElse(UNKNOWN_LINE);
        Conversation conversation = new Conversation(Ids.of("conv_", 26), Ids.of("CA", 32), call,
                directory.agentName(call.agentId()).orElse(null), line.phoneNumber(),
                clock.instant().getEpochSecond(), null);
        conversations.put(conversation);
        stats.placed();
        CallPlan plan = control.drawer().draw(settings, call.ringingTimeoutSecs());
        int generation = control.generation();
        long delayMs = Math.round(plan.totalSecs() * 1000.0 * settings.timeScale());
        scheduler.schedule(() -> finish(conversation, plan, line, generation), delayMs, TimeUnit.MILLISECONDS);
        return new Placement.Placed(conversation.conversationId(), conversation.callSid());
    }

    private void finish(Conversation conversation, CallPlan plan, Directory.Line line, int generation) {
        try {
            report(conversation, plan, line, generation);
        } catch (RuntimeException e) {
            // a timer task that throws dies silently; say which call was lost instead
            LOG.log(System.Logger.Level.ERROR, "could not report call " + conversation.conversationId(), e);
        }
    }

    private void report(Conversation conversation, CallPlan plan, Directory.Line line, int generation) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> data = WebhookPayloads.conversationData(conversation, plan);
        conversations.put(conversation.finish(data));
        if (generation == control.generation()) {
            stats.ended(plan.outcome());
        }
        Map<String, Object> payload = plan.outcome().reportedAsInitiationFailure()
                ? WebhookPayloads.envelope(WebhookPayloads.CALL_INITIATION_FAILURE, now,
                        WebhookPayloads.initiationFailure(conversation, plan, line.accountSid(), now))
                : WebhookPayloads.envelope(WebhookPayloads.POST_CALL_TRANSCRIPTION, now, data);
        webhooks.deliver(payload);
    }
}
