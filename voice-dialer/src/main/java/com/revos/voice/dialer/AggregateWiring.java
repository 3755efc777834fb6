package com.revos.voice.dialer;

import com.revos.voice.dialer.call.application.Attempts;
import com.revos.voice.dialer.campaign.application.DialingStop;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What ties the aggregates together without one importing the other: a provider's refusal stops a campaign. */
@Configuration(proxyBeanMethods = false)
class AggregateWiring {

    @Bean
    SmartInitializingSingleton accountRefusalsStopCampaigns(Attempts attempts, DialingStop dialingStop) {
        return () -> attempts.onAccountRefused(dialingStop::stop);
    }
}
