package com.revos.voice.provisioning.phonenumber.infrastructure;

import com.revos.voice.provisioning.agent.application.AgentRepository;
import com.revos.voice.provisioning.common.application.Events;
import com.revos.voice.provisioning.common.application.Transactions;
import com.revos.voice.provisioning.phonenumber.application.NumberAssignment;
import com.revos.voice.provisioning.phonenumber.application.PhonePool;
import com.revos.voice.provisioning.phonenumber.application.PoolRepository;
import com.revos.voice.provisioning.phonenumber.application.TenantNumberRepository;
import com.revos.voice.provisioning.provider.application.TelephonyCarrier;
import com.revos.voice.provisioning.provider.application.VoiceAgentPlatform;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class PhoneNumberConfiguration {

    @Bean
    PoolRepository poolRepository(JdbcTemplate jdbc) {
        return new JdbcPoolRepository(jdbc);
    }

    @Bean
    TenantNumberRepository tenantNumberRepository(JdbcTemplate jdbc) {
        return new JdbcTenantNumberRepository(jdbc);
    }

    @Bean
    PhonePool phonePool(PoolRepository pool, TelephonyCarrier carrier, Transactions transactions, Clock clock) {
        return new PhonePool(pool, carrier, transactions, clock);
    }

    @Bean
    NumberAssignment numberAssignment(PoolRepository pool, TenantNumberRepository numbers, AgentRepository agents,
                                      PhonePool phonePool, VoiceAgentPlatform platform, Transactions transactions,
                                      Events events, Clock clock, ProvisioningProperties properties) {
        return new NumberAssignment(pool, numbers, agents, phonePool, platform, transactions, events, clock,
                new NumberAssignment.Settings(properties.autoPurchase(), properties.defaultCountry()));
    }
}
