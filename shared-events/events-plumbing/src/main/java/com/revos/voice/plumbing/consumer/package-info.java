/**
 * Idempotent consumption: an event is applied at most once per consumer group, because its id is recorded in the
 * same transaction as its side effect. Records that cannot be read go to the binding's dead-letter topic.
 */
@NullMarked
package com.revos.voice.plumbing.consumer;

import org.jspecify.annotations.NullMarked;
