package com.revos.voice.dialer.directory.infrastructure;

import com.revos.voice.events.ProvisioningEvent;
import com.revos.voice.plumbing.consumer.IdempotentConsumers;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;

@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

    @Bean
    JdbcDirectory directory(JdbcTemplate jdbc) {
        return new JdbcDirectory(jdbc);
    }

    /** Applies voice-provisioning's events to the read model, once each (group {@code voice-dialer}). */
    @Bean
    Consumer<Message<byte[]>> provisioning(IdempotentConsumers consumers, JdbcDirectory directory) {
        return consumers.consumer("voice-dialer", envelope -> {
            if (envelope.event() instanceof ProvisioningEvent event) {
                directory.apply(event);
            }
        });
    }
}
