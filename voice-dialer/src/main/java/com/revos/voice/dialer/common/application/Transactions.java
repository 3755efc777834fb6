package com.revos.voice.dialer.common.application;

import java.util.function.Supplier;

/** Database transactions as the use cases need them. */
public interface Transactions {

    /** Runs the work in one transaction, or in the caller's when there is one. */
    <T> T inTransaction(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code action} once the current transaction commits, never if it rolls back (counting what a transaction
     * applied, which a rollback and redelivery would repeat); fails outside a transaction.
     */
    void afterCommit(Runnable action);
}
