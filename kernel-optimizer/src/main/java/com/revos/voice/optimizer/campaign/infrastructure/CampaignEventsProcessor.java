package com.revos.voice.optimizer.campaign.infrastructure;

import com.revos.voice.events.kafka.KafkaEnvelopes;
import com.revos.voice.events.CampaignEvent;
import com.revos.voice.events.EventCatalog;
import com.revos.voice.events.MalformedEventException;
import com.revos.voice.events.Topics;
import com.revos.voice.optimizer.campaign.application.CampaignMonitor;
import com.revos.voice.optimizer.campaign.model.CampaignState;
import com.revos.voice.optimizer.campaign.model.HourlyConnects;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each CloudEvent, drops duplicates by event id, and applies call outcomes and campaign events to the
 * campaign's state and its tenant's hourly history. Only {@code call.completed} counts among call events: busy,
 * no-answer and provider-refused attempts are completions too (ADR 0009), while a {@code call.initiation_failed} is
 * either the twin of a refused call's completion or an attempt given back unplaced, which says nothing about the
 * campaign; outcomes without a campaign are not ours to judge. The tenant's history is read from the campaigns of this
 * task's store, so with several partitions it holds the tenant's campaigns of that partition (ADR 0012). A record that cannot be read (not a CloudEvent, a malformed outcome or campaign event) can never be
 * applied: it is forwarded, with the reason in {@link #REASON_HEADER}, to the dead-letter sink instead of skipped.
 */
final class CampaignEventsProcessor implements Processor<String, byte[], String, byte[]> {

    /** The same header the binder consumers put on what they dead-letter (events-plumbing's ConsumerFaults). */
    static final String REASON_HEADER = "revos_dlt_reason";
    static final String GROUP_HEADER = "revos_dlt_group";

    private static final Logger log = LoggerFactory.getLogger(CampaignEventsProcessor.class);

    private static final long TENANT_HOURS_TTL_NANOS = 60_000_000_000L;

    private final CampaignMonitor monitor;
    private final Map<UUID, TenantTotal> tenantTotals = new HashMap<>();
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, CampaignState> states;
    private WindowStore<String, Long> seen;

    CampaignEventsProcessor(CampaignMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        states = context.getStateStore(OptimizerTopology.STATE_STORE);
        seen = context.getStateStore(OptimizerTopology.SEEN_STORE);
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
        if (alreadySeen(attributes.id().toString(), attributes.time().toEpochMilli())) {
            return;
        }
        try {
            if (callCompleted) {
                var read = CallOutcomeReader.read(record.value());
                if (read.isPresent() && read.get().campaignId() != null) {
                    var call = read.get();
                    apply(call.campaignId(), state -> monitor.onCallCompleted(state,
                            () -> tenantHours(call.tenantId(), call.campaignId()), call, attributes.id(),
                            attributes.time()));
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

    private void deadLetter(Record<String, byte[]> record, String reason) {
        var metadata = context.recordMetadata();
        log.warn("Dead-lettering a record of {} (partition {}, offset {}): {}",
                metadata.map(m -> m.topic()).orElse("?"), metadata.map(m -> m.partition()).orElse(-1),
                metadata.map(m -> m.offset()).orElse(-1L), reason);
        var headers = record.headers();
        headers.remove(REASON_HEADER);
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(GROUP_HEADER, OptimizerTopology.DEAD_LETTER_GROUP.getBytes(StandardCharsets.UTF_8));
        metadata.ifPresent(m -> headers.add("kafka_dlt-original-topic", m.topic().getBytes(StandardCharsets.UTF_8)));
        context.forward(record.withHeaders(headers));
    }

    private static boolean campaignEvent(String type) {
        return EventCatalog.byName(type).map(eventType -> eventType.topic().equals(Topics.CAMPAIGNS)).orElse(false);
    }

    /**
     * Event ids are remembered under the event's own time (the CloudEvent {@code time}, which a redelivery keeps),
     * so the lookup is a point read, not a range scan; the window store forgets them after the retention.
     */
    private boolean alreadySeen(String id, long at) {
        if (seen.fetch(id, at) != null) {
            return true;
        }
        seen.put(id, at, at);
        return false;
    }

    /**
     * The hourly connects of the tenant's other campaigns in this task's store: read only when a retime is planned,
     * so the hot path keeps no tenant-wide aggregate to update. The tenant's total is kept for
     * {@link #TENANT_HOURS_TTL_NANOS} (a prior need not be fresher than that), less the campaign's own counts.
     */
    private HourlyConnects tenantHours(UUID tenantId, UUID campaignId) {
        var now = System.nanoTime();
        var cached = tenantTotals.get(tenantId);
        if (cached == null || now - cached.at() > TENANT_HOURS_TTL_NANOS) {
            var total = new HourlyConnects();
            try (var all = states.all()) {
                all.forEachRemaining(entry -> {
                    if (tenantId.equals(entry.value.tenantId())) {
                        total.addAll(entry.value.hourly());
                    }
                });
            }
            if (tenantTotals.size() > 1_000) {
                tenantTotals.clear();
            }
            cached = new TenantTotal(total, now);
            tenantTotals.put(tenantId, cached);
        }
        var own = states.get(campaignId.toString());
        return own == null ? cached.hours() : cached.hours().without(own.hourly());
    }

    private record TenantTotal(HourlyConnects hours, long at) {
    }

    private void apply(UUID campaignId, Consumer<CampaignState> change) {
        var key = campaignId.toString();
        var state = states.get(key);
        if (state == null) {
            state = CampaignState.fresh(campaignId);
        }
        change.accept(state);
        states.put(key, state);
    }
}
