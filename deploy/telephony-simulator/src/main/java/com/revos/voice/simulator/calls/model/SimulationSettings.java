package com.revos.voice.simulator.calls.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The knobs of the call simulation. Outcome rates are applied in a fixed order (failure, busy, voicemail,
 * answered) and the remainder is no-answer, so {@code failure_rate = 1} fails every call whatever the others say.
 *
 * @param timeScale wall-clock seconds per simulated second (0.01 makes a 100 s call report after 1 s)
 * @param maxConcurrentCalls calls in progress the account allows at once (0: no limit); beyond it the outbound
 *        call is refused with ElevenLabs' 429 {@code concurrent_limit_exceeded}
 * @param accountError an account refusal answered to every outbound call ({@code NONE}: none)
 */
public record SimulationSettings(
        long apiLatencyMs,
        double answerRate,
        double busyRate,
        double voicemailRate,
        double failureRate,
        double qualificationRate,
        int minDurationSecs,
        int maxDurationSecs,
        double outboundErrorRate,
        double outbound429Rate,
        double timeScale,
        int maxConcurrentCalls,
        AccountError accountError) {

    /** The call knobs alone: no concurrency limit, no account refusal. */
    public SimulationSettings(long apiLatencyMs, double answerRate, double busyRate, double voicemailRate,
                              double failureRate, double qualificationRate, int minDurationSecs, int maxDurationSecs,
                              double outboundErrorRate, double outbound429Rate, double timeScale) {
        this(apiLatencyMs, answerRate, busyRate, voicemailRate, failureRate, qualificationRate, minDurationSecs,
                maxDurationSecs, outboundErrorRate, outbound429Rate, timeScale, 0, AccountError.NONE);
    }

    /** Human-readable problems, empty when the settings are usable. */
    public List<String> violations() {
        List<String> problems = new ArrayList<>();
        if (apiLatencyMs < 0) {
            problems.add("api_latency_ms must be >= 0");
        }
        rate(problems, "answer_rate", answerRate);
        rate(problems, "busy_rate", busyRate);
        rate(problems, "voicemail_rate", voicemailRate);
        rate(problems, "failure_rate", failureRate);
        rate(problems, "qualification_rate", qualificationRate);
        rate(problems, "outbound_error_rate", outboundErrorRate);
        rate(problems, "outbound_429_rate", outbound429Rate);
        if (minDurationSecs < 0 || maxDurationSecs < minDurationSecs) {
            problems.add("need 0 <= min_duration_secs <= max_duration_secs");
        }
        if (timeScale < 0) {
            problems.add("time_scale must be >= 0");
        }
        if (maxConcurrentCalls < 0) {
            problems.add("max_concurrent_calls must be >= 0 (0: no limit)");
        }
        if (accountError == null) {
            problems.add("account_error must be one of none, invalid_api_key, quota_exceeded");
        }
        return problems;
    }

    private static void rate(List<String> problems, String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            problems.add(name + " must be between 0 and 1");
        }
    }
}
