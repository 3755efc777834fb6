package com.revos.voice.dialer.common.model;

import java.util.UUID;

/** This dialer process: the owner named on the attempts it sends and the leases it holds. */
public record DialerInstance(String id) {

    public static DialerInstance random() {
        return new DialerInstance("dialer-" + UUID.randomUUID());
    }
}
