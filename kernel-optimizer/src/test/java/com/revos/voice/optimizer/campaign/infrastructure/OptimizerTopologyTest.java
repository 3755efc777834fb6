package com.revos.voice.optimizer.campaign.infrastructure;

import com.revos.voice.events.kafka.KafkaEnvelopes;
import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.events.CallEvent;
import com.revos.voice.events.CallEvent.CallInitiationFailed;
import com.revos.voice.events.CallOutcome;
import com.revos.voice.events.CallingWindow;
import com.revos.voice.events.CampaignEvent.CampaignPaused;
import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.Pacing;
import com.revos.voice.events.Topics;
import com.revos.voice.events.VoiceEvent;
import com.revos.voice.optimizer.Calls;
import com.revos.voice.optimizer.campaign.application.CampaignMonitor;
import com.revos.voice.optimizer.campaign.application.DecisionLog;
import com.revos.voice.optimizer.campaign.model.Action;
import com.revos.voice.optimizer.campaign.model.CampaignState;
import com.revos.voice.optimizer.campaign.model.Decision;
import com.revos.voice.optimizer.policy.model.OptimizerPolicy;
import com.revos.voice.optimizer.policy.model.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules through the real topology and stores, with Kafka Streams' test driver. */
class OptimizerTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-23T18:00:00Z");

    private final UUID tenant = UUID.randomUUID();
    private final UUID campaign = UUID.randomUUID();
    private final RecordingLog log = new RecordingLog();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> calls;
    private TestInputTopic<String, byte[]> campaigns;

    @BeforeEach
    void start() {
        start(Duration.ofHours(24));
    }

    private void start(Duration dedupRetention) {
        var monitor = new CampaignMonitor(tenantId -> OptimizerPolicy.DEFAULT, log);
        var config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "optimizer-topology-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(OptimizerTopology.build(monitor, dedupRetention, false), config);
        calls = driver.createInputTopic(Topics.CALLS.name(), new StringSerializer(), new ByteArraySerializer());
        campaigns = driver.createInputTopic(Topics.CAMPAIGNS.name(), new StringSerializer(),
                new ByteArraySerializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private EventEnvelope send(TestInputTopic<String, byte[]> topic, VoiceEvent event, Instant at) {
        var envelope = EventEnvelope.wrap(event, "/revos/test", UUID.randomUUID(), at);
        send(topic, envelope);
        return envelope;
    }

    private void send(TestInputTopic<String, byte[]> topic, EventEnvelope envelope) {
        var record = KafkaEnvelopes.record(envelope);
        topic.pipeInput(new TestRecord<>(record.key(), record.value(), record.headers(), envelope.time()));
    }

    private CampaignState state() {
        return driver.<String, CampaignState>getKeyValueStore(OptimizerTopology.STATE_STORE).get(campaign.toString());
    }

    /**
     * The processor works on live campaign states; each commit (the test driver commits after every record) writes
     * the changed ones into the changelogged store, which is what any other thread (an interactive query) reads.
     */
    @Test
    void every_commit_stores_the_campaign_states_the_events_changed() throws Exception {
        for (int i = 0; i < 3; i++) {
            send(calls, Calls.fortyPercentFailing(tenant, campaign, i), T0.plusSeconds(i));
        }

        var stored = java.util.concurrent.CompletableFuture.supplyAsync(this::state).get();

        assertThat(stored.attemptsTotal()).isEqualTo(3);
        assertThat(state()).as("the processor's own reads").isNotSameAs(stored)
                .extracting(CampaignState::attemptsTotal).isEqualTo(3L);
    }

    @Test
    void unreadable_records_are_dead_lettered_with_the_reason_and_the_stream_keeps_going() {
        var deadCalls = driver.createOutputTopic(Topics.CALLS.deadLetterTopic("kernel-optimizer"),
                new StringDeserializer(), new ByteArrayDeserializer());
        calls.pipeInput(new TestRecord<>("not-a-cloud-event", "plain bytes".getBytes(StandardCharsets.UTF_8)));
        var outcome = Calls.fortyPercentFailing(tenant, campaign, 0);
        var broken = KafkaEnvelopes.record(EventEnvelope.wrap(outcome, "/revos/test", UUID.randomUUID(), T0));
        calls.pipeInput(new TestRecord<>(broken.key(), "{\"outcome\": \"exploded\"}".getBytes(StandardCharsets.UTF_8),
                broken.headers(), T0));
        for (int i = 1; i < 60; i++) {
            send(calls, Calls.fortyPercentFailing(tenant, campaign, i), T0.plusSeconds(i));
        }

        var dead = deadCalls.readRecordsToList();
        assertThat(dead).extracting(r -> r.key()).containsExactly("not-a-cloud-event", broken.key());
        assertThat(new String(dead.get(0).headers().lastHeader("revos_dlt_reason").value(), StandardCharsets.UTF_8))
                .contains("not a binary-mode CloudEvent");
        assertThat(new String(dead.get(1).headers().lastHeader("revos_dlt_reason").value(), StandardCharsets.UTF_8))
                .startsWith("MalformedEventException");
        assertThat(new String(dead.get(1).headers().lastHeader("kafka_dlt-original-topic").value(),
                StandardCharsets.UTF_8)).isEqualTo(Topics.CALLS.name());
        assertThat(dead.get(1).headers().lastHeader("ce_id")).isNotNull();
        assertThat(state().attemptsTotal()).isEqualTo(59);
    }

    @Test
    void forty_percent_failures_give_exactly_one_pause_once_the_evidence_clears_the_bound() {
        for (int i = 0; i < 50; i++) {
            send(calls, Calls.fortyPercentFailing(tenant, campaign, i), T0.plusSeconds(i));
        }
        // 40 % against a 30 % threshold is no burst: fifty calls are not evidence enough at a 1 % error rate
        assertThat(log.decisions).isEmpty();

        for (int i = 50; i < 3_000; i++) {
            send(calls, Calls.fortyPercentFailing(tenant, campaign, i), T0.plusSeconds(i));
        }

        assertThat(log.decisions).singleElement().satisfies(decision -> {
            assertThat(decision.rule()).isEqualTo(Rule.STOP_LOSS);
            assertThat(decision.evidence().confidenceBound()).isGreaterThan(0.30);
            assertThat(decision.evidence().statistic()).isGreaterThanOrEqualTo(decision.evidence().bound());
        });
        assertThat(state().isPaused()).isTrue();
    }

    @Test
    void duplicates_and_replays_of_an_event_count_once() {
        var sent = new ArrayList<EventEnvelope>();
        for (int i = 0; i < 12; i++) {
            sent.add(send(calls, Calls.outcome(tenant, campaign, CallOutcome.FAILED), T0.plusSeconds(i)));
        }
        sent.forEach(envelope -> send(calls, envelope));
        sent.forEach(envelope -> send(calls, envelope));

        assertThat(state().metrics().attempted()).isEqualTo(12);
        assertThat(log.decisions).isEmpty();

        send(calls, Calls.outcome(tenant, campaign, CallOutcome.FAILED), T0.plusSeconds(60));
        assertThat(log.decisions).extracting(Decision::rule).containsExactly(Rule.STOP_LOSS);
    }

    /** Ids are remembered in buckets of event time (ADR 0024): neighbours in a bucket and across buckets stay apart. */
    @Test
    void replays_count_once_whether_their_originals_shared_a_bucket_or_not() {
        var sent = new ArrayList<EventEnvelope>();
        for (int i = 0; i < 40; i++) {
            // four in every 10 s bucket, some on the same millisecond
            sent.add(send(calls, Calls.outcome(tenant, campaign, CallOutcome.CONNECTED, true, 12),
                    T0.plusMillis(2_500L * (i / 2))));
        }
        sent.reversed().forEach(envelope -> send(calls, envelope));

        assertThat(state().attemptsTotal()).isEqualTo(40);
    }

    @Test
    void a_bucket_past_its_capacity_still_drops_replays_and_counts_the_rest() {
        var sent = new ArrayList<EventEnvelope>();
        var events = SeenEvents.BUCKET_CAPACITY + 30;
        for (int i = 0; i < events; i++) {
            sent.add(send(calls, Calls.outcome(tenant, campaign, CallOutcome.CONNECTED, true, 12), T0));
        }
        sent.forEach(envelope -> send(calls, envelope));

        assertThat(state().attemptsTotal()).isEqualTo(events);
    }

    @Test
    void seen_ids_older_than_the_retention_are_forgotten_and_recent_ones_kept() {
        driver.close();
        start(Duration.ofHours(1));

        send(calls, Calls.outcome(tenant, campaign, CallOutcome.CONNECTED, true, 12), T0);
        var recent = send(calls, Calls.outcome(tenant, campaign, CallOutcome.CONNECTED, true, 12),
                T0.plus(Duration.ofMinutes(90)));
        send(calls, Calls.outcome(tenant, campaign, CallOutcome.CONNECTED, true, 12), T0.plus(Duration.ofMinutes(125)));
        send(calls, recent);

        var buckets = new ArrayList<String>();
        try (var all = driver.<String, byte[]>getKeyValueStore(OptimizerTopology.SEEN_STORE).all()) {
            all.forEachRemaining(entry -> buckets.add(entry.key));
        }
        assertThat(buckets).as("bucket keys start with the bucket's epoch millisecond").hasSize(2)
                .allSatisfy(key -> assertThat(Long.parseLong(key.substring(0, 13)))
                        .isGreaterThanOrEqualTo(T0.plus(Duration.ofMinutes(65)).toEpochMilli()));
        assertThat(state().attemptsTotal()).as("the replay of a remembered event").isEqualTo(3);
    }

    @Test
    void only_completed_calls_of_a_campaign_count() {
        var initiationFailed = new CallInitiationFailed(new CallEvent.Dialing(UUID.randomUUID(), tenant, campaign,
                UUID.randomUUID(), 1, "+15551230000"), new CallInitiationFailed.Failure("provider 503", "503", true),
                T0);
        for (int i = 0; i < 100; i++) {
            send(calls, initiationFailed, T0.plusSeconds(i));
            send(calls, Calls.outcome(tenant, null, CallOutcome.FAILED), T0.plusSeconds(i));
            send(calls, unmatched(T0.plusSeconds(i)));
        }

        assertThat(state()).isNull();
        assertThat(log.decisions).isEmpty();
    }

    @Test
    void out_of_order_outcomes_count_while_inside_the_window() {
        for (int i = 0; i < 50; i++) {
            // every other outcome arrives a few minutes late, after newer ones
            var at = i % 2 == 0 ? T0.plus(Duration.ofMinutes(10)).plusSeconds(i) : T0.plusSeconds(i);
            send(calls, Calls.outcome(tenant, campaign, CallOutcome.FAILED), at);
        }
        // older than the 30-minute window by the newest event time: too late to count
        send(calls, Calls.outcome(tenant, campaign, CallOutcome.FAILED), T0.minus(Duration.ofHours(1)));

        assertThat(state().metrics().attempted()).isEqualTo(50);
        assertThat(log.decisions).extracting(Decision::rule).containsExactly(Rule.STOP_LOSS);
    }

    @Test
    void cooldown_follows_event_time_not_the_wall_clock() {
        // qualification rate 0: a script change, then recovery past the hysteresis, then a new breach
        for (int i = 0; i < 150; i++) {
            send(calls, Calls.outcome(tenant, campaign, CallOutcome.CONNECTED, false, 12), T0.plusSeconds(i));
        }
        for (int i = 0; i < 200; i++) {
            send(calls, Calls.outcome(tenant, campaign, CallOutcome.CONNECTED, true, 12), T0.plusSeconds(200 + i));
        }
        for (int i = 0; i < 200; i++) {
            send(calls, Calls.outcome(tenant, campaign, CallOutcome.CONNECTED, false, 12), T0.plusSeconds(400 + i));
        }
        assertThat(log.decisions).extracting(Decision::rule).containsOnly(Rule.SCRIPT_CHANGE, Rule.SCALE_UP)
                .filteredOn(rule -> rule == Rule.SCRIPT_CHANGE).hasSize(1);

        send(calls, Calls.outcome(tenant, campaign, CallOutcome.CONNECTED, false, 12),
                T0.plus(Duration.ofMinutes(12)));

        assertThat(log.decisions).filteredOn(decision -> decision.rule() == Rule.SCRIPT_CHANGE)
                .extracting(Decision::episode).containsExactly(1, 2);
    }

    @Test
    void a_thin_campaign_retimes_on_its_tenants_other_campaigns_hours() {
        // another campaign of the tenant has learned that only 18-20 answer
        var veteran = UUID.randomUUID();
        for (int i = 0; i < 3_000; i++) {
            var hour = 8 + i % 13;
            send(calls, Calls.outcome(tenant, veteran, hour >= 18 && i % 2 == 0 ? CallOutcome.CONNECTED
                    : CallOutcome.NO_ANSWER, false, hour), T0.plusSeconds(i));
        }
        var veteranDecisions = log.decisions.size();
        // the new campaign barely connects at all, with only a handful of calls per hour
        send(campaigns, Calls.started(tenant, campaign, new Pacing(1, 5), new Pacing(5, 20)), T0);
        for (int i = 0; i < 200; i++) {
            send(calls, Calls.outcome(tenant, campaign, CallOutcome.NO_ANSWER, false, 9 + i % 12),
                    T0.plusSeconds(4_000 + i));
        }

        assertThat(log.decisions.subList(veteranDecisions, log.decisions.size()))
                .filteredOn(decision -> decision.rule() == Rule.RETIME).first().satisfies(decision -> {
                    var action = decision.action() instanceof Action.RecommendOnly only ? only.wouldDo()
                            : decision.action();
                    assertThat(((Action.Retime) action).to()).isEqualTo(new CallingWindow(15, 21, null));
                });
    }

    @Test
    void the_dialers_confirmation_is_recorded_and_a_paused_campaign_gets_no_pause() {
        send(campaigns, Calls.started(tenant, campaign, new Pacing(1, 5), new Pacing(5, 20)), T0);
        for (int i = 0; i < 50; i++) {
            send(calls, Calls.outcome(tenant, campaign, CallOutcome.FAILED), T0.plusSeconds(i));
        }
        var pause = log.decisions.getFirst();
        var confirmation = send(campaigns,
                new CampaignPaused(campaign, tenant, "stop-loss", pause.messageId(), T0.plusSeconds(51)),
                T0.plusSeconds(51));
        for (int i = 0; i < 200; i++) {
            send(calls, Calls.outcome(tenant, campaign, CallOutcome.FAILED), T0.plusSeconds(60 + i));
        }

        assertThat(log.confirmations).singleElement().satisfies(confirmed -> {
            assertThat(confirmed.commandId()).isEqualTo(pause.messageId());
            assertThat(confirmed.eventId()).isEqualTo(confirmation.id());
            assertThat(confirmed.eventType()).isEqualTo("campaign.paused");
        });
        assertThat(log.decisions).extracting(Decision::rule).containsExactly(Rule.STOP_LOSS);
    }

    /** An outcome of no attempt of ours, as the intake published them before the dialer owned outcomes. */
    private static EventEnvelope unmatched(Instant at) {
        var data = """
                {"provider":"elevenlabs","provider_call_id":"conv_%s","outcome":"failed","matched":false}"""
                .formatted(UUID.randomUUID());
        return new EventEnvelope(UUID.randomUUID(), CallOutcomeReader.CALL_COMPLETED, "/revos/test", null, at, null,
                null, "conv", data.getBytes(StandardCharsets.UTF_8));
    }

    private static final class RecordingLog implements DecisionLog {

        final List<Decision> decisions = new ArrayList<>();
        final List<Confirmation> confirmations = new ArrayList<>();

        @Override
        public boolean record(Decision decision, UUID triggerEventId, double[] hourlyConnectRates) {
            return decisions.add(decision);
        }

        @Override
        public boolean confirm(Confirmation confirmation) {
            return confirmations.add(confirmation);
        }
    }
}
