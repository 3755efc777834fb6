package com.revos.voice.dialer.call.infrastructure;

import com.revos.voice.dialer.call.application.Recovery;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs recovery and reconciliation on the dispatch settings' intervals (ADR 0009). */
class RecoverySchedule {

    private final Recovery recovery;

    RecoverySchedule(Recovery recovery) {
        this.recovery = recovery;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${revos.dialer.dispatch.recover-every:2s}")
    void recover() {
        recovery.recover();
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${revos.dialer.dispatch.reconcile-every:30s}")
    void reconcile() {
        recovery.reconcile();
    }
}
