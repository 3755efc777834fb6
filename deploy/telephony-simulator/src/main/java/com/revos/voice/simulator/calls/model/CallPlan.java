package com.revos.voice.simulator.calls.model;

/**
 * The drawn fate of one call.
 *
 * @param ringSecs           simulated seconds until the callee answers or the attempt ends
 * @param talkSecs           simulated connected seconds (0 when nobody answered)
 * @param qualificationScore 0..1, meaningful only for connected calls
 */
public record CallPlan(CallOutcome outcome, int ringSecs, int talkSecs, boolean qualified, double qualificationScore) {

    public int totalSecs() {
        return ringSecs + talkSecs;
    }
}
