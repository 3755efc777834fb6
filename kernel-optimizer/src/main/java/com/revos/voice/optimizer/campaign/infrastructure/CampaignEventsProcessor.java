package com.revos.voice.optimizer.campaign.infrastructure;

import com.revos.voice.events.kafka.KafkaEnvelopes;
import com.revos.voice.events.CallEvent.CallCompleted;
import com.revos.voice.events.CampaignEvent;
import com.revos.voice.events.EventCatalog;
import com.revos.voice.events.MalformedEventException;
import com.revos.voice.events.Topics;
import com.revos.voice.optimizer.campaign.application.CampaignMonitor;
import com.revos.voice.optimizer.campaign.model.CampaignState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Reads each CloudEvent, drops duplicates by event id, and applies call outcomes and campaign events to the
 * campaign's state and its tenant's hourly history. Only {@code call.completed} counts among call events: busy,
 * no-answer and provider-refused attempts are completions too (ADR 0009), while a {@code call.initiation_failed} is
 * either the twin of a refused call's completion or an attempt given back unplaced, which says nothing about the
 * campaign; outcomes without a campaign are not ours to judge. Every {@link #PUBLISH_EVERY} of stream time, the
 * hourly connects of the campaigns that changed are published for their tenant's other campaigns, on every partition
 * ({@link TenantHours}, ADR 0021). A record that cannot be read (not a CloudEvent, a malformed outcome or campaign
 * event) can never be applied: it is forwarded, with the reason in {@link #REASON_HEADER}, to the dead-letter sink
 * instead of skipped.
 */
final class CampaignEventsProcessor implements Processor<String, byte[], String, byte[]> {

    /** The same header the binder consumers put on what they dead-letter (events-plumbing's ConsumerFaults). */
    static final String REASON_HEADER = "revos_dlt_reason";
    static final String GROUP_HEADER = "revos_dlt_group";

    private static final Logger log = LoggerFactory.getLogger(CampaignEventsProcessor.class);

    /**
     * How often (in stream time, so a replay publishes as the first run did) a campaign's hourly connects are
     * published to its tenant's other campaigns: a prior need not be fresher than a minute.
     */
    static final Duration PUBLISH_EVERY = Duration.ofMinutes(1);

    private final CampaignMonitor monitor;
    private final Duration dedupRetention;
    /** The campaigns whose hours changed since the last publication, with their tenant. */
    private final Map<UUID, UUID> hoursChanged = new HashMap<>();
    /** What {@link #init} binds; absent before it. */
    private @Nullable Bound bound;

    /** The task's context and stores, given at {@link #init}. */
    private record Bound(ProcessorContext<String, byte[]> context, KeyValueStore<String, CampaignState> states,
                         SeenEvents seen, KeyValueStore<String, byte[]> tenantHours) {
    }

    CampaignEventsProcessor(CampaignMonitor monitor, Duration dedupRetention) {
        this.monitor = monitor;
        this.dedupRetention = dedupRetention;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        bound = new Bound(context, context.getStateStore(OptimizerTopology.STATE_STORE),
                new SeenEvents(context.getStateStore(OptimizerTopology.SEEN_STORE), dedupRetention),
                context.getStateStore(OptimizerTopology.TENANT_HOURS_STORE));
        hoursChanged.clear();
        context.schedule(PUBLISH_EVERY, PunctuationType.STREAM_TIME, this::publishHours);
        context.schedule(SeenEvents.FORGET_EVERY, PunctuationType.STREAM_TIME, streamTime -> bound().seen()
                .forgetExpired(streamTime));
    }

    private Bound bound() {
        return Objects.requireNonNull(bound, "Kafka Streams calls init before anything else");
    }

    /** The changed campaigns' hourly connects, for their tenants' other campaigns. */
    private void publishHours(long timestamp) {
        var bound = bound();
        for (var changed : hoursChanged.entrySet()) {
            var state = bound.states().get(changed.getKey().toString());
            if (state != null) {
                bound.context().forward(new Record<>(TenantHours.key(changed.getValue(), changed.getKey()),
                        TenantHours.bytes(state.hourly()), timestamp), OptimizerTopology.TENANT_HOURS_SINK);
            }
        }
        hoursChanged.clear();
    }

    @Override
    public void process(Record<String, byte[]> record) {
        var attributes = CallOutcomeReader.attributes(record.headers());
        if (attributes == null) {
            deadLetter(record, "MalformedEventException: not a binary-mode CloudEvent with an id, a type and a time");
            return;
        }
        var callCompleted = attributes.type().equals(CallOutcomeReader.CALL_COMPLETED);
        if (!callCompleted && !campaignEvent(attributes.type())) {
            return;
        }
        if (!bound().seen().firstSighting(record.key(), attributes.id(), attributes.time().toEpochMilli())) {
            return;
        }
        try {
            if (callCompleted) {
                var read = CallOutcomeReader.read(record.value());
                if (read.isPresent()) {
                    var campaignId = read.get().campaignId();
                    if (campaignId != null) {
                        count(read.get(), campaignId, attributes);
                    }
                }
            } else {
                var envelope = KafkaEnvelopes.read(record.key(), record.headers(), record.value());
                var event = (CampaignEvent) envelope.event();
                apply(event.campaignId(), state -> monitor.onCampaignEvent(state, event, envelope.id(),
                        envelope.time()));
            }
        } catch (MalformedEventException | ClassCastException e) {
            deadLetter(record, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void count(CallCompleted call, UUID campaignId, CallOutcomeReader.Attributes attributes) {
        apply(campaignId, state -> monitor.onCallCompleted(state,
                () -> TenantHours.ofOthers(bound().tenantHours(), call.tenantId(), campaignId), call,
                attributes.id(), attributes.time()));
        hoursChanged.put(campaignId, call.tenantId());
    }

    private void deadLetter(Record<String, byte[]> record, String reason) {
        var context = bound().context();
        var metadata = context.recordMetadata();
        log.warn("Dead-lettering a record of {} (partition {}, offset {}): {}",
                metadata.map(m -> m.topic()).orElse("?"), metadata.map(m -> m.partition()).orElse(-1),
                metadata.map(m -> m.offset()).orElse(-1L), reason);
        var headers = record.headers();
        headers.remove(REASON_HEADER);
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(GROUP_HEADER, OptimizerTopology.DEAD_LETTER_GROUP.getBytes(StandardCharsets.UTF_8));
        metadata.ifPresent(m -> headers.add("kafka_dlt-original-topic", m.topic().getBytes(StandardCharsets.UTF_8)));
        context.forward(record.withHeaders(headers), OptimizerTopology.DEAD_LETTERS);
    }

    private static boolean campaignEvent(String type) {
        return EventCatalog.byName(type).map(eventType -> eventType.topic().equals(Topics.CAMPAIGNS)).orElse(false);
    }

    private void apply(UUID campaignId, Consumer<CampaignState> change) {
        var key = campaignId.toString();
        var states = bound().states();
        var state = states.get(key);
        if (state == null) {
            state = CampaignState.fresh(campaignId);
        }
        change.accept(state);
        states.put(key, state);
    }
}
