package com.revos.voice.dialer.common.infrastructure;

import com.revos.voice.dialer.common.application.Transactions;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The use cases' transactions on the dialer's database (propagation REQUIRED: a caller's transaction is joined). */
final class JdbcTransactions implements Transactions {

    private final TransactionTemplate transactions;

    JdbcTransactions(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    @Override
    public void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
