package com.revos.voice.dialer.usage.infrastructure;

import com.revos.voice.dialer.common.application.Transactions;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class UsageConfiguration {

    @Bean
    UsageLedger usageLedger(JdbcTemplate jdbc, Transactions transactions, MeterRegistry meters) {
        return new UsageLedger(jdbc, transactions, meters);
    }
}
