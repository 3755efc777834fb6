/**
 * The transactional outbox: {@link com.revos.voice.plumbing.outbox.OutboxWriter} records an event in the caller's
 * database transaction; {@link com.revos.voice.plumbing.outbox.OutboxRelay} tails the write-ahead log with the
 * Debezium embedded engine and publishes each row to Kafka as a CloudEvent.
 */
@NullMarked
package com.revos.voice.plumbing.outbox;

import org.jspecify.annotations.NullMarked;
