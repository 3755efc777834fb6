package com.revos.voice.provisioning.template.infrastructure;

import com.revos.voice.provisioning.template.application.TemplateCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class TemplateConfiguration {

    @Bean
    TemplateCatalog templateCatalog(JdbcTemplate jdbc, JsonMapper json) {
        return new JdbcTemplateCatalog(jdbc, json);
    }
}
