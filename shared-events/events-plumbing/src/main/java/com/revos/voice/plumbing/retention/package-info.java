/**
 * Rows kept for a while and then let go: the outbox's published events, the consumers' log of applied events, a
 * service's own audit tables. Deleted in small batches, so that no sweep holds a long transaction or a long lock.
 */
@NullMarked
package com.revos.voice.plumbing.retention;

import org.jspecify.annotations.NullMarked;
