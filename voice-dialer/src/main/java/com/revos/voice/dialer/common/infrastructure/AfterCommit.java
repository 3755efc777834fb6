package com.revos.voice.dialer.common.infrastructure;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Work that must follow a commit: counting what a transaction applied, which a rollback and redelivery would repeat. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs {@code action} once the current transaction commits, never if it rolls back; fails outside one. */
    public static void run(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
