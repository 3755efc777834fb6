package com.revos.voice.simulator.calls.model;

import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Draws call fates from one random generator; seeded, the same sequence of calls gets the same fates, which
 * keeps tests and benchmarks reproducible. {@link Random} is thread-safe, so concurrent requests may share it.
 */
public final class OutcomeDrawer {

    /** No-answer is reported after the provider's ringing timeout (Twilio's default for API calls is 60 s). */
    static final int NO_ANSWER_RING_SECS = 60;

    private final Random random;

    public OutcomeDrawer(Long seed) {
        this.random = seed == null ? new Random() : new Random(seed);
    }

    /** {@code inProgress}: calls of the account in progress now, for its concurrency limit. */
    public Admission admit(SimulationSettings settings, long inProgress) {
        switch (settings.accountError()) {
            case INVALID_API_KEY -> {
                return Admission.INVALID_API_KEY;
            }
            case QUOTA_EXCEEDED -> {
                return Admission.QUOTA_EXCEEDED;
            }
            case NONE -> {
            }
        }
        if (settings.maxConcurrentCalls() > 0 && inProgress >= settings.maxConcurrentCalls()) {
            return Admission.CONCURRENCY_FULL;
        }
        double u = random.nextDouble();
        if (u < settings.outbound429Rate()) {
            return Admission.RATE_LIMITED;
        }
        if (u < settings.outbound429Rate() + settings.outboundErrorRate()) {
            return Admission.SERVER_ERROR;
        }
        return Admission.ACCEPTED;
    }

    public CallPlan draw(SimulationSettings settings, @Nullable Integer ringingTimeoutSecs) {
        CallOutcome outcome = outcome(settings);
        return switch (outcome) {
            case FAILED -> new CallPlan(outcome, 1 + random.nextInt(2), 0, false, 0.0);
            case BUSY -> new CallPlan(outcome, 2 + random.nextInt(4), 0, false, 0.0);
            case NO_ANSWER -> new CallPlan(outcome,
                    ringingTimeoutSecs != null && ringingTimeoutSecs > 0 ? ringingTimeoutSecs : NO_ANSWER_RING_SECS,
                    0, false, 0.0);
            case VOICEMAIL -> new CallPlan(outcome, ring(), Math.min(talk(settings), 30), false, 0.0);
            case CONNECTED -> connected(settings);
        };
    }

    private CallPlan connected(SimulationSettings settings) {
        boolean qualified = random.nextDouble() < settings.qualificationRate();
        // qualified calls score in the upper band, the others in the lower one, so a threshold of 0.5 separates them
        double score = qualified ? 0.6 + 0.4 * random.nextDouble() : 0.5 * random.nextDouble();
        return new CallPlan(CallOutcome.CONNECTED, ring(), talk(settings), qualified, Math.round(score * 100) / 100.0);
    }

    private CallOutcome outcome(SimulationSettings s) {
        double u = random.nextDouble();
        double edge = s.failureRate();
        if (u < edge) {
            return CallOutcome.FAILED;
        }
        edge += s.busyRate();
        if (u < edge) {
            return CallOutcome.BUSY;
        }
        edge += s.voicemailRate();
        if (u < edge) {
            return CallOutcome.VOICEMAIL;
        }
        edge += s.answerRate();
        return u < edge ? CallOutcome.CONNECTED : CallOutcome.NO_ANSWER;
    }

    private int ring() {
        return 2 + random.nextInt(7);
    }

    private int talk(SimulationSettings s) {
        return s.minDurationSecs() + random.nextInt(s.maxDurationSecs() - s.minDurationSecs() + 1);
    }
}
