package com.revos.voice.dialer.campaign.infrastructure;

import com.revos.voice.dialer.compliance.application.TenantSettings;
import com.revos.voice.dialer.compliance.model.DialRules;
import com.revos.voice.dialer.DialerProperties;
import com.revos.voice.dialer.campaign.application.CampaignCompletion;
import com.revos.voice.dialer.campaign.application.CampaignRecords;
import com.revos.voice.dialer.campaign.application.Campaigns;
import com.revos.voice.dialer.campaign.application.ContactImport;
import com.revos.voice.dialer.campaign.application.ContactQueue;
import com.revos.voice.dialer.campaign.application.DialingStop;
import com.revos.voice.dialer.campaign.model.ContactZones;
import com.revos.voice.dialer.common.application.Events;
import com.revos.voice.dialer.common.application.Transactions;
import com.revos.voice.dialer.directory.application.Directory;
import com.revos.voice.dialer.pacing.application.CallPacing;
import com.revos.voice.dialer.suppression.application.SuppressionList;
import com.revos.voice.events.KernelCommand;
import com.revos.voice.plumbing.consumer.IdempotentConsumers;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;

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
    CampaignCompletion campaignCompletion(CampaignRecords campaigns, Events events, Clock clock) {
        return new CampaignCompletion(campaigns, events, clock);
    }

    @Bean
    DialingStop dialingStop(CampaignRecords campaigns, Events events, Clock clock) {
        return new DialingStop(campaigns, events, clock);
    }

    @Bean
    Campaigns campaigns(CampaignRecords store, ContactQueue contacts, Directory directory, CallPacing tenants,
                        Events events, Transactions transactions, Clock clock, DialRules rules) {
        return new Campaigns(store, contacts, directory, tenants, events, transactions, clock, rules.policy());
    }

    @Bean
    ContactImport contactImport(ContactQueue contacts, SuppressionList suppressions, DialerProperties properties,
                                Transactions transactions, CampaignRecords campaigns, TenantSettings tenants,
                                ContactUploadLimits limits) {
        return new ContactImport(contacts, suppressions, new ContactZones(properties.defaultTimeZone()),
                transactions, campaigns, tenants, limits.maxRejectionsListed());
    }

    @Bean
    ContactUploadReader contactUploadReader(ContactImport contactImport, ContactUploadLimits limits) {
        return new ContactUploadReader(contactImport, limits);
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
