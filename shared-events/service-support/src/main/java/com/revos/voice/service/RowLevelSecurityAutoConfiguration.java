package com.revos.voice.service;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcProperties;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * Row-level security for a service that names its tenant role ({@code revos.security.tenant-role}, ADR 0007): its
 * transactions run as that role for the current tenant ({@link TenantContext}), and a tenant's statements outside a
 * transaction are refused. Ordered before Spring Boot's transaction manager and JdbcTemplate, which then back off.
 * Not {@code @ConditionalOnMissingBean}: a service that named a tenant role must not quietly lose it to a transaction
 * manager or JdbcTemplate of its own. Without the setting, Spring Boot's beans stay as they are.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        beforeName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration"})
@ConditionalOnProperty(prefix = "revos.security", name = "tenant-role")
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties({SecurityProperties.class, JdbcProperties.class})
public class RowLevelSecurityAutoConfiguration {

    /** In place of Spring Boot's, with the same customizations ({@code spring.transaction.*}). */
    @Bean
    DataSourceTransactionManager transactionManager(DataSource dataSource, SecurityProperties properties,
                                                    ObjectProvider<TransactionManagerCustomizers> customizers) {
        var manager = new TenantTransactionManager(dataSource, properties.tenantRole());
        customizers.ifAvailable(customizer -> customizer.customize(manager));
        return manager;
    }

    /** In place of Spring Boot's, with the same settings ({@code spring.jdbc.template.*}). */
    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource, JdbcProperties properties,
                              ObjectProvider<SQLExceptionTranslator> translator) {
        var jdbc = new TransactionalTenantJdbcTemplate(dataSource);
        var settings = properties.getTemplate();
        jdbc.setIgnoreWarnings(settings.isIgnoreWarnings());
        jdbc.setFetchSize(settings.getFetchSize());
        jdbc.setMaxRows(settings.getMaxRows());
        if (settings.getQueryTimeout() != null) {
            jdbc.setQueryTimeout((int) settings.getQueryTimeout().getSeconds());
        }
        jdbc.setSkipResultsProcessing(settings.isSkipResultsProcessing());
        jdbc.setSkipUndeclaredResults(settings.isSkipUndeclaredResults());
        jdbc.setResultsMapCaseInsensitive(settings.isResultsMapCaseInsensitive());
        translator.ifUnique(jdbc::setExceptionTranslator);
        return jdbc;
    }
}
