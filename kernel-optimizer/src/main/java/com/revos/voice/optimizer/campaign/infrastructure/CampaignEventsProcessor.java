package com.revos.voice.optimizer.campaign.infrastructure;

import com.revos.voice.events.CampaignEvent;
import com.revos.voice.events.EventCatalog;
import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.MalformedEventException;
import com.revos.voice.events.Topics;
import com.revos.voice.optimizer.campaign.application.CampaignMonitor;
import com.revos.voice.optimizer.campaign.model.CampaignState;
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
 * campaign's state. Only {@code call.completed} counts among call events; outcomes without a campaign are not ours
 * to judge.
 */
final class CampaignEventsProcessor implements Processor<String, byte[], Void, Void> {

    private static final Logger log = LoggerFactory.getLogger(CampaignEventsProcessor.class);

    private final CampaignMonitor monitor;
    private KeyValueStore<String, CampaignState> states;
    private WindowStore<String, Long> seen;

    CampaignEventsProcessor(CampaignMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        states = context.getStateStore(OptimizerTopology.STATE_STORE);
        seen = context.getStateStore(OptimizerTopology.SEEN_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        var attributes = CallOutcomeReader.attributes(record.headers());
        if (attributes == null) {
            // another consumer of these topics dead-letters poison records; here one is simply not evidence
            log.warn("Skipping a record that is not a CloudEvent of ours (key {})", record.key());
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
                var call = CallOutcomeReader.read(record.value());
                if (call.matched() && call.campaignId() != null) {
                    apply(call.campaignId(), state -> monitor.onCallCompleted(state, call, attributes.id(),
                            attributes.time()));
                }
            } else {
                var envelope = EventEnvelope.fromKafka(record.key(), record.headers(), record.value());
                var event = (CampaignEvent) envelope.event();
                apply(event.campaignId(), state -> monitor.onCampaignEvent(state, event, envelope.id(),
                        envelope.time()));
            }
        } catch (MalformedEventException e) {
            log.warn("Skipping event {}: {}", attributes.id(), e.getMessage());
        }
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
