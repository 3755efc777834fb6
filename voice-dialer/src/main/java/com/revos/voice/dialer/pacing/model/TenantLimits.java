package com.revos.voice.dialer.pacing.model;

import com.revos.voice.events.Pacing;

/** The most a tenant may use at once: calls started per second and calls in flight, over all its campaigns. */
public record TenantLimits(double callsPerSecond, int maxConcurrent) {

    public Pacing asPacing() {
        return new Pacing(callsPerSecond, maxConcurrent);
    }

    /** The pacing clamped to these limits (the kernel may ask for more than the tenant has). */
    public Pacing clamp(Pacing pacing) {
        return new Pacing(Math.min(pacing.callsPerSecond(), callsPerSecond),
                Math.min(pacing.maxConcurrent(), maxConcurrent));
    }
}
