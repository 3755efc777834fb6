package com.revos.voice.simulator;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Startup settings of the simulator ({@code revos.simulator.*}). The call-behaviour knobs are only the initial
 * values: the control API changes them at runtime and {@code POST /simulator/reset} restores them.
 */
@ConfigurationProperties("revos.simulator")
public record SimulatorProperties(
        Duration apiLatency,
        String webhookUrl,
        String webhookSecret,
        int webhookMaxAttempts,
        Duration webhookRetryDelay,
        Duration webhookTimeout,
        Long seed,
        double answerRate,
        double busyRate,
        double voicemailRate,
        double failureRate,
        double qualificationRate,
        int minDurationSecs,
        int maxDurationSecs,
        double timeScale,
        double outboundErrorRate,
        double outbound429Rate,
        int maxConversations,
        int maxConcurrentCalls) {
}
