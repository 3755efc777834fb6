package com.revos.voice.optimizer.campaign.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.revos.voice.events.CallOutcome;
import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.kafka.KafkaEnvelopes;
import com.revos.voice.optimizer.Calls;
import com.revos.voice.optimizer.campaign.application.CampaignMonitor;
import com.revos.voice.optimizer.it.OptimizerIntegrationTest;
import com.revos.voice.optimizer.policy.model.OptimizerPolicy;
import com.revos.voice.testsupport.RealInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An optimizer whose local state outlives its broker (an operator resets Kafka but keeps the state volume): every
 * checkpoint names offsets the broker never had. The optimizer must wipe what it cannot trust, restore what the
 * broker has, and count on, not stop.
 */
@OptimizerIntegrationTest
class StateOutlivesBrokerIT {

    private final UUID tenant = UUID.randomUUID();
    private final UUID campaign = UUID.randomUUID();

    @TempDir
    Path stateDir;

    @Test
    void an_optimizer_whose_checkpoints_name_offsets_the_broker_never_had_restores_and_counts_on() throws Exception {
        var applicationId = "kernel-optimizer-stale-" + UUID.randomUUID();
        var first = streams(applicationId);
        first.start();
        try (var producer = producer()) {
            send(producer);
            await().atMost(Duration.ofMinutes(1)).until(() -> attempts(first) == 1);
            first.stop();

            var checkpoints = pushCheckpointsPastTheEnd();
            assertThat(checkpoints).as("the stopped optimizer left checkpoints to distrust").isNotZero();

            var second = streams(applicationId);
            second.start();
            try {
                send(producer);
                await().atMost(Duration.ofMinutes(2)).until(() -> second.state() == KafkaStreams.State.RUNNING
                        && attempts(second) >= 1);
                assertThat(second.state()).isEqualTo(KafkaStreams.State.RUNNING);
            } finally {
                second.stop();
            }
        }
    }

    private long attempts(OptimizerStreams streams) {
        return streams.campaign(campaign).map(state -> state.attemptsTotal()).orElse(0L);
    }

    private void send(KafkaProducer<String, byte[]> producer) throws Exception {
        var outcome = Calls.outcome(tenant, campaign, CallOutcome.CONNECTED, true, 12);
        producer.send(KafkaEnvelopes.record(EventEnvelope.wrap(outcome, "/revos/test"))).get();
    }

    /** Every offset of every checkpoint file, a million further: what a reset broker never wrote. */
    private long pushCheckpointsPastTheEnd() throws IOException {
        try (var files = Files.walk(stateDir)) {
            return files.filter(file -> file.getFileName().toString().equals(".checkpoint")).peek(file -> {
                try {
                    var lines = Files.readAllLines(file);
                    var pushed = lines.stream().map(line -> {
                        var parts = line.split(" ");
                        return parts.length == 3 ? parts[0] + " " + parts[1] + " "
                                + (Long.parseLong(parts[2]) + 1_000_000) : line;
                    }).collect(Collectors.joining("\n", "", "\n"));
                    Files.writeString(file, pushed);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).count();
        }
    }

    private OptimizerStreams streams(String applicationId) {
        var monitor = new CampaignMonitor(tenantId -> OptimizerPolicy.DEFAULT, new DiscardingDecisionLog());
        var properties = new OptimizerProperties(true, applicationId, stateDir.toString(), 1, Duration.ofMillis(200),
                Duration.ofHours(24), 1, Duration.ofSeconds(5));
        var config = CampaignConfiguration.streamsConfig(properties, RealInfrastructure.kafkaBootstrapServers());
        // the failed instance cannot leave its group: its successor waits for the session to expire, so keep it short
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6_000);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1_000);
        return new OptimizerStreams(() -> OptimizerTopology.build(monitor, properties.dedupRetention()), config,
                new SimpleMeterRegistry(), properties.closeTimeout());
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer());
    }
}
