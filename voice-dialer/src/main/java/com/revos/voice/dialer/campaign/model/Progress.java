package com.revos.voice.dialer.campaign.model;

/** Live contact counts of a campaign. */
public record Progress(long total, long pending, long inFlight, long done, long exhausted, long suppressed,
                       long cancelled) {
}
