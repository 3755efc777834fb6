package com.revos.voice.dialer.common.infrastructure;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CommonConfiguration {

    @Bean
    DialerInstance dialerInstance() {
        return DialerInstance.random();
    }
}
