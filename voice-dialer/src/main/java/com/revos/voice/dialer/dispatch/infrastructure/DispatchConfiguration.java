package com.revos.voice.dialer.dispatch.infrastructure;

import com.revos.voice.dialer.compliance.application.OutcomeCompliance;
import com.revos.voice.dialer.DialerProperties;
import com.revos.voice.dialer.call.application.Attempts;
import com.revos.voice.dialer.call.application.CallRecords;
import com.revos.voice.dialer.campaign.application.CampaignCompletion;
import com.revos.voice.dialer.campaign.application.CampaignRecords;
import com.revos.voice.dialer.campaign.application.ContactQueue;
import com.revos.voice.dialer.common.application.Transactions;
import com.revos.voice.dialer.common.model.DialerInstance;
import com.revos.voice.dialer.directory.application.Directory;
import com.revos.voice.dialer.dispatch.application.DispatchPlan;
import com.revos.voice.dialer.pacing.application.CallPacing;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DispatchConfiguration {

    @Bean
    DispatchPlan dispatchPlan(ContactQueue contacts, CallRecords calls, Attempts attempts,
                              CampaignCompletion completion, Directory directory, CallPacing tenants,
                              DialerProperties properties, Transactions transactions, OutcomeCompliance compliance,
                              Clock clock) {
        return new DispatchPlan(contacts, calls, attempts, completion, directory, tenants, properties, transactions,
                compliance, clock);
    }

    @Bean
    Dispatcher.Services dispatchServices(DispatchPlan plan, CampaignRecords campaigns, ContactQueue contacts,
                                         CallPacing tenants, DialerProperties properties, Clock clock,
                                         CircuitBreaker elevenLabsCircuitBreaker, MeterRegistry meters) {
        return new Dispatcher.Services(plan, campaigns, contacts, tenants, properties, clock,
                elevenLabsCircuitBreaker, meters);
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
