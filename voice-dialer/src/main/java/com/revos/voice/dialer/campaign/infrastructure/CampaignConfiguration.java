package com.revos.voice.dialer.campaign.infrastructure;

import com.revos.voice.dialer.DialerProperties;
import com.revos.voice.dialer.pacing.infrastructure.TenantPacing;
import com.revos.voice.dialer.campaign.model.ContactZones;
import com.revos.voice.dialer.directory.infrastructure.Directory;
import com.revos.voice.dialer.suppression.infrastructure.Suppressions;
import com.revos.voice.events.KernelCommand;
import com.revos.voice.plumbing.consumer.IdempotentConsumers;
import com.revos.voice.plumbing.outbox.OutboxWriter;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class CampaignConfiguration {

    @Bean
    CampaignStore campaignStore(JdbcTemplate jdbc) {
        return new CampaignStore(jdbc);
    }

    @Bean
    ContactStore contactStore(JdbcTemplate jdbc) {
        return new ContactStore(jdbc);
    }

    @Bean
    CampaignCompletion campaignCompletion(JdbcTemplate jdbc, OutboxWriter outbox, Clock clock) {
        return new CampaignCompletion(jdbc, outbox, clock);
    }

    @Bean
    DialingStop dialingStop(CampaignStore store, OutboxWriter outbox, Clock clock) {
        return new DialingStop(store, outbox, clock);
    }

    @Bean
    Campaigns campaigns(CampaignStore store, ContactStore contacts, Directory directory, TenantPacing tenants,
                        OutboxWriter outbox, TransactionTemplate transactions, Clock clock) {
        return new Campaigns(store, contacts, directory, tenants, outbox, transactions, clock);
    }

    @Bean
    ContactImport contactImport(ContactStore contacts, Suppressions suppressions, DialerProperties properties,
                                TransactionTemplate transactions) {
        return new ContactImport(contacts, suppressions, new ContactZones(properties.defaultTimeZone()),
                transactions);
    }

    /** The kernel's commands (group {@code voice-dialer-commands}), each confirmed with its command id. */
    @Bean
    Consumer<Message<byte[]>> kernelCommands(IdempotentConsumers consumers, Campaigns campaigns) {
        return consumers.consumer("voice-dialer-commands", envelope -> {
            if (envelope.event() instanceof KernelCommand command) {
                campaigns.apply(command);
            }
        });
    }
}
