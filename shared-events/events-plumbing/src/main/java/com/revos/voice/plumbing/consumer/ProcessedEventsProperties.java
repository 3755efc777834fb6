package com.revos.voice.plumbing.consumer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code revos.consumers.processed-events.*}: how long a consumer group remembers that it applied an event.
 *
 * @param retention longer than any redelivery can come: a record is delivered again after a failed offset commit
 *        (within minutes) or when an operator replays a topic, which reaches back at most the topic's retention
 *        (Kafka's default, seven days); an event forgotten after this would be applied again only by a replay
 *        from before it
 */
@ConfigurationProperties("revos.consumers.processed-events")
public record ProcessedEventsProperties(@DefaultValue("P14D") Duration retention) {
}
