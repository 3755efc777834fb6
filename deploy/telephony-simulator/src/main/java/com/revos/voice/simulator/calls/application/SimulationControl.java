package com.revos.voice.simulator.calls.application;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.revos.voice.simulator.calls.model.OutcomeDrawer;
import com.revos.voice.simulator.calls.model.SimulationSettings;

/** The runtime state behind the control API: current settings, the random source and the counts. */
public final class SimulationControl {

    private final SimulationSettings initial;
    private final Long seed;
    private final AtomicReference<SimulationSettings> current;
    private final AtomicReference<OutcomeDrawer> drawer;
    private final AtomicInteger generation = new AtomicInteger();
    private final CallStats stats;
    private final ConversationRegistry conversations;
    private final ProviderArrivals arrivals;

    public SimulationControl(SimulationSettings initial, Long seed, CallStats stats,
                             ConversationRegistry conversations, ProviderArrivals arrivals) {
        requireValid(initial);
        this.initial = initial;
        this.seed = seed;
        this.current = new AtomicReference<>(initial);
        this.drawer = new AtomicReference<>(new OutcomeDrawer(seed));
        this.stats = stats;
        this.conversations = conversations;
        this.arrivals = arrivals;
    }

    public SimulationSettings settings() {
        return current.get();
    }

    /** Replaces the settings; throws {@link IllegalArgumentException} listing the problems when they are invalid. */
    public SimulationSettings update(SimulationSettings settings) {
        requireValid(settings);
        current.set(settings);
        return settings;
    }

    /** Back to the startup settings, a freshly seeded random source, zero counts, no conversations, no arrivals. */
    public void reset() {
        current.set(initial);
        drawer.set(new OutcomeDrawer(seed));
        generation.incrementAndGet();
        stats.reset();
        conversations.clear();
        arrivals.reset();
    }

    public CallStats.Snapshot stats() {
        return stats.snapshot();
    }

    public ProviderArrivals arrivals() {
        return arrivals;
    }

    OutcomeDrawer drawer() {
        return drawer.get();
    }

    /** Counts before a reset must not leak into the counts after it; calls remember the generation they began in. */
    int generation() {
        return generation.get();
    }

    private static void requireValid(SimulationSettings settings) {
        List<String> problems = settings.violations();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }
}
