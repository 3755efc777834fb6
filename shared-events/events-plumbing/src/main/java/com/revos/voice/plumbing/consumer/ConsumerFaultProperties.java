package com.revos.voice.plumbing.consumer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code revos.consumers.*}: how a consumer waits between attempts at a record that failed for a passing reason
 * (it never gives up on one: a database failover or a broker restart must not lose a command).
 *
 * @param initialBackoff the first wait
 * @param maxBackoff the longest wait, well under {@code max.poll.interval.ms}
 */
@ConfigurationProperties("revos.consumers")
public record ConsumerFaultProperties(
        @DefaultValue("200ms") Duration initialBackoff,
        @DefaultValue("30s") Duration maxBackoff) {
}
