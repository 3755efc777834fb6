package com.revos.voice.provisioning.common.infrastructure;

import com.revos.voice.plumbing.outbox.OutboxWriter;
import com.revos.voice.provisioning.common.application.Events;
import com.revos.voice.provisioning.common.application.Transactions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class CommonConfiguration {

    @Bean
    Transactions transactions(PlatformTransactionManager transactionManager) {
        return new JdbcTransactions(new TransactionTemplate(transactionManager));
    }

    @Bean
    Events events(OutboxWriter outbox) {
        return new OutboxEvents(outbox);
    }
}
