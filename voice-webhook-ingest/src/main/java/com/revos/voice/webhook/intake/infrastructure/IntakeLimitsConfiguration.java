package com.revos.voice.webhook.intake.infrastructure;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The request-reading edge's own limits, ahead of security and the controllers. */
@Configuration(proxyBeanMethods = false)
class IntakeLimitsConfiguration {

    @Bean
    FilterRegistrationBean<InFlightLimit> webhookInFlightLimit(WebhookProperties properties, IntakeMetrics metrics) {
        var registration = new FilterRegistrationBean<>(new InFlightLimit(properties.maxInFlight(),
                properties.retryAfter(), metrics));
        registration.addUrlPatterns("/webhooks/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
