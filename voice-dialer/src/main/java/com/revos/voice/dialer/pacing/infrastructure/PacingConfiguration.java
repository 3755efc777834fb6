package com.revos.voice.dialer.pacing.infrastructure;

import com.revos.voice.dialer.DialerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class PacingConfiguration {

    @Bean
    TenantPacing tenantPacing(DialerProperties properties, JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new TenantPacing(properties.tenantLimits(), properties.providerAccount(),
                new SharedPacingLog(jdbc, transactions, properties.dispatch().sharedPacingGuard()));
    }
}
