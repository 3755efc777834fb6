package com.revos.voice.events;

/** How fast a campaign dials: calls started per second, and calls in flight at once. */
public record Pacing(double callsPerSecond, int maxConcurrent) {
}
