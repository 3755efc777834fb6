package com.revos.voice.service;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks the secrets before any bean is made (no Flyway migration, no Kafka client, no port opened with a public
 * default secret): {@link LocalDefaultSecrets}.
 */
@AutoConfiguration
public class LocalDefaultSecretsAutoConfiguration {

    @Bean
    static BeanFactoryPostProcessor revosLocalDefaultSecrets(ConfigurableEnvironment environment) {
        return beanFactory -> LocalDefaultSecrets.check(environment);
    }
}
