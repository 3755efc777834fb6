package com.revos.voice.dialer.common.infrastructure;

import com.revos.voice.dialer.common.application.Events;
import com.revos.voice.dialer.common.application.Transactions;
import com.revos.voice.dialer.common.model.DialerInstance;
import com.revos.voice.plumbing.outbox.OutboxWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class CommonConfiguration {

    @Bean
    DialerInstance dialerInstance() {
        return DialerInstance.random();
    }

    @Bean
    Events events(OutboxWriter outbox) {
        return new OutboxEvents(outbox);
    }

    @Bean
    Transactions transactions(TransactionTemplate transactions) {
        return new JdbcTransactions(transactions);
    }
}
