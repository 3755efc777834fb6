package com.revos.voice.dialer.suppression.application;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/** A tenant's do-not-call list, as the dialing use cases consult it. */
public interface SuppressionList {

    boolean isSuppressed(UUID tenantId, String phone);

    /** Which of the phones are suppressed, in one round trip. */
    Set<String> suppressedAmong(UUID tenantId, Collection<String> phones);
}
