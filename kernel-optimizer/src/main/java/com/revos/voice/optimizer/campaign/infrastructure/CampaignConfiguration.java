package com.revos.voice.optimizer.campaign.infrastructure;

import com.revos.voice.optimizer.campaign.application.CampaignMonitor;
import com.revos.voice.optimizer.policy.application.PolicySource;
import com.revos.voice.plumbing.outbox.OutboxWriter;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the campaign aggregate: the rules' processor on Kafka Streams, the audit trail and its API. */
@Configuration(proxyBeanMethods = false)
class CampaignConfiguration {

    @Bean
    JdbcDecisionLog decisionLog(JdbcTemplate jdbc, TransactionTemplate transactions, OutboxWriter outbox) {
        return new JdbcDecisionLog(jdbc, transactions, outbox);
    }

    @Bean
    CampaignMonitor campaignMonitor(PolicySource policies, JdbcDecisionLog log, CallingHoursProperties callingHours,
                                    io.micrometer.core.instrument.MeterRegistry meters) {
        return new CampaignMonitor(policies, new MeteredDecisionLog(log, meters), callingHours.ceiling());
    }

    @Bean
    JdbcDecisionTrail decisionTrail(JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new JdbcDecisionTrail(jdbc, transactions);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "revos.optimizer.streams.enabled", matchIfMissing = true)
    OptimizerStreams optimizerStreams(CampaignMonitor monitor, OptimizerProperties properties, KafkaProperties kafka,
                                      io.micrometer.core.instrument.MeterRegistry meters) {
        return new OptimizerStreams(() -> OptimizerTopology.build(monitor, properties.dedupRetention()),
                streamsConfig(properties, String.join(",", kafka.getBootstrapServers())), meters,
                properties.closeTimeout());
    }

    static Properties streamsConfig(OptimizerProperties properties, String bootstrapServers) {
        var config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, properties.applicationId());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, properties.replicationFactor());
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, properties.commitInterval().toMillis());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, properties.threads());
        var configured = properties.stateDir();
        var stateDir = configured != null && !configured.isBlank() ? configured
                : Path.of(System.getProperty("java.io.tmpdir"), "kafka-streams").toString();
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return config;
    }
}
