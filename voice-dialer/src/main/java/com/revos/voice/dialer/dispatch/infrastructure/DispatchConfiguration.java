package com.revos.voice.dialer.dispatch.infrastructure;

import com.revos.voice.dialer.DialerProperties;
import com.revos.voice.dialer.call.infrastructure.Attempts;
import com.revos.voice.dialer.call.infrastructure.CallStore;
import com.revos.voice.dialer.campaign.infrastructure.CampaignCompletion;
import com.revos.voice.dialer.campaign.infrastructure.CampaignStore;
import com.revos.voice.dialer.campaign.infrastructure.ContactStore;
import com.revos.voice.dialer.pacing.infrastructure.TenantPacing;
import com.revos.voice.dialer.common.infrastructure.DialerInstance;
import com.revos.voice.dialer.directory.infrastructure.Directory;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class DispatchConfiguration {

    @Bean
    Dispatcher.Services dispatchServices(CampaignStore campaigns, ContactStore contacts, CallStore calls,
                                         Attempts attempts, CampaignCompletion completion, Directory directory,
                                         TenantPacing tenants, DialerProperties properties,
                                         TransactionTemplate transactions, Clock clock,
                                         CircuitBreaker elevenLabsCircuitBreaker, MeterRegistry meters) {
        return new Dispatcher.Services(campaigns, contacts, calls, attempts, completion, directory, tenants,
                properties, transactions, clock, elevenLabsCircuitBreaker, meters);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "revos.dialer.dispatch.enabled", matchIfMissing = true)
    Dispatcher dispatcher(Dispatcher.Services services, MeterRegistry meters, DialerInstance instance) {
        var dispatcher = new Dispatcher(instance.id(), services);
        Gauge.builder("revos.dialer.calls.in_flight", dispatcher, Dispatcher::inFlightRequests)
                .description("provider requests in progress in this instance").register(meters);
        return dispatcher;
    }
}
