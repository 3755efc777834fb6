package com.revos.voice.dialer.suppression.infrastructure;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class SuppressionConfiguration {

    @Bean
    Suppressions suppressions(JdbcTemplate jdbc) {
        return new Suppressions(jdbc);
    }
}
