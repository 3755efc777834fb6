package com.revos.voice.optimizer.policy.model;

/** Whether a rule acts on its own (a command to the dialer) or only advises (a recorded decision, a recommendation). */
public enum Mode {
    AUTOMATIC, RECOMMEND
}
