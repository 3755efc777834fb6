package com.revos.voice.provisioning.agent.infrastructure;

import com.revos.voice.provisioning.agent.application.AgentDeployment;
import com.revos.voice.provisioning.agent.application.AgentRepository;
import com.revos.voice.provisioning.common.application.Events;
import com.revos.voice.provisioning.common.application.Transactions;
import com.revos.voice.provisioning.provider.application.VoiceAgentPlatform;
import com.revos.voice.provisioning.template.application.TemplateCatalog;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class AgentConfiguration {

    @Bean
    AgentRepository agentRepository(JdbcTemplate jdbc) {
        return new JdbcAgentRepository(jdbc);
    }

    @Bean
    AgentDeployment agentDeployment(TemplateCatalog templates, VoiceAgentPlatform platform, AgentRepository agents,
                                    Transactions transactions, Events events, Clock clock) {
        return new AgentDeployment(templates, platform, agents, transactions, events, clock);
    }
}
