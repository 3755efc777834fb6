package com.revos.voice.dialer.common.infrastructure;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** Tenant requests reach the database only in transactions, and those run under row-level security (ADR 0007). */
@Configuration(proxyBeanMethods = false)
class TenancyConfiguration {

    /** In place of Spring Boot's, with the same customizations ({@code spring.transaction.*}). */
    @Bean
    DataSourceTransactionManager transactionManager(DataSource dataSource,
                                                    ObjectProvider<TransactionManagerCustomizers> customizers) {
        var manager = new TenantTransactionManager(dataSource);
        customizers.ifAvailable(customizer -> customizer.customize(manager));
        return manager;
    }

    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new TransactionalTenantJdbcTemplate(dataSource);
    }
}
