package com.revos.voice.optimizer.campaign.infrastructure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the optimizer's Kafka Streams processor ({@code revos.optimizer.streams.*}).
 *
 * @param applicationId the Streams application id: consumer group and prefix of the changelog topics
 * @param stateDir where the local RocksDB stores live
 * @param replicationFactor of the changelog topics (1 on a single broker)
 * @param commitInterval how often state, changelogs and offsets are committed (one Kafka transaction each)
 * @param dedupRetention how long event ids are remembered to drop duplicates and replays
 * @param threads stream threads per instance
 * @param closeTimeout how long stopping waits for the stream threads to commit and leave the group; a broker that
 *                     is already gone (the end of a test JVM) costs this much
 */
@ConfigurationProperties("revos.optimizer.streams")
record OptimizerProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("kernel-optimizer") String applicationId,
        @Nullable String stateDir,
        @DefaultValue("1") int replicationFactor,
        @DefaultValue("1s") Duration commitInterval,
        @DefaultValue("24h") Duration dedupRetention,
        @DefaultValue("2") int threads,
        @DefaultValue("30s") Duration closeTimeout) {
}
