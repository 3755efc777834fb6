package com.revos.voice.dialer.usage.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class UsageConfiguration {

    @Bean
    UsageLedger usageLedger(JdbcTemplate jdbc, MeterRegistry meters) {
        return new UsageLedger(jdbc, meters);
    }
}
