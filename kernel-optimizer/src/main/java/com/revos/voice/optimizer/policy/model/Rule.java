package com.revos.voice.optimizer.policy.model;

/** The optimizer's four rules (design.md section 5), with the name they carry in the API and the audit trail. */
public enum Rule {
    STOP_LOSS("stop_loss"), RETIME("retime"), SCRIPT_CHANGE("script_change"), SCALE_UP("scale_up");

    private final String wireName;

    Rule(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
