package com.revos.voice.dialer.call.infrastructure;

import com.revos.voice.dialer.DialerProperties;
import com.revos.voice.dialer.call.application.CallProvider;
import com.revos.voice.dialer.call.application.CarrierRecords;
import com.revos.voice.dialer.campaign.infrastructure.CampaignCompletion;
import com.revos.voice.dialer.campaign.infrastructure.ContactStore;
import com.revos.voice.dialer.pacing.infrastructure.TenantPacing;
import com.revos.voice.dialer.common.infrastructure.DialerInstance;
import com.revos.voice.dialer.directory.infrastructure.Directory;
import com.revos.voice.dialer.suppression.infrastructure.Suppressions;
import com.revos.voice.dialer.usage.infrastructure.UsageLedger;
import com.revos.voice.events.ProviderReport.CallReported;
import com.revos.voice.plumbing.consumer.IdempotentConsumers;
import com.revos.voice.plumbing.outbox.OutboxWriter;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class CallConfiguration {

    /** Resilience4j publishes its state and calls as {@code resilience4j.circuitbreaker.*} metrics. */
    @Bean
    CircuitBreaker elevenLabsCircuitBreaker(CircuitBreakerRegistry registry) {
        return registry.circuitBreaker("elevenlabs");
    }

    @Bean
    CallProvider elevenLabsCalls(DialerProperties properties, CircuitBreaker elevenLabsCircuitBreaker,
                                 RestClient.Builder builder) {
        var settings = properties.elevenlabs();
        // HTTP/1.1: the JDK client's cleartext h2c upgrade on POSTs trips some servers (and stubs)
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        var factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(settings.readTimeout());
        var http = builder.baseUrl(settings.baseUrl()).requestFactory(factory)
                // first, so that every other interceptor (metrics, tracing) sees the request as it is sent
                .requestInterceptors(interceptors -> interceptors.addFirst(ElevenLabsCalls.gateInterceptor()))
                .defaultHeader("xi-api-key", settings.apiKey() == null ? "" : settings.apiKey()).build();
        return new ElevenLabsCalls(http, elevenLabsCircuitBreaker);
    }

    @Bean
    CarrierRecords twilioCallRecords(DialerProperties properties, RestClient.Builder builder) {
        var settings = properties.twilio();
        var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).build());
        factory.setReadTimeout(settings.readTimeout());
        var http = builder.clone().baseUrl(settings.baseUrl()).requestFactory(factory)
                .defaultHeaders(headers -> headers.setBasicAuth(settings.accountSid() == null ? ""
                        : settings.accountSid(), settings.authToken() == null ? "" : settings.authToken()))
                .build();
        return new TwilioCallRecords(http, settings.accountSid());
    }

    @Bean
    CallStore callStore(JdbcTemplate jdbc) {
        return new CallStore(jdbc);
    }

    @Bean
    OutcomeCounter outcomeCounter(MeterRegistry meters) {
        return new OutcomeCounter(meters);
    }

    @Bean
    CallOutcomes callOutcomes(CallStore calls, ContactStore contacts, CampaignCompletion completion, UsageLedger usage,
                              OutcomeCounter counter, OutboxWriter outbox, Clock clock) {
        return new CallOutcomes(calls, contacts, completion, usage, counter, outbox, clock);
    }

    @Bean
    Attempts attempts(CallStore calls, ContactStore contacts, CallOutcomes outcomes, CallProvider provider,
                      OutboxWriter outbox, TransactionTemplate transactions, Clock clock, DialerProperties properties,
                      MeterRegistry meters) {
        return new Attempts(calls, contacts, outcomes, provider, outbox, transactions, clock, properties.dispatch(),
                meters);
    }

    @Bean
    ProviderReports providerReports(CallStore calls, CallOutcomes outcomes, JdbcTemplate jdbc, MeterRegistry meters,
                                    Clock clock) {
        return new ProviderReports(calls, outcomes, jdbc, meters, clock);
    }

    @Bean
    Reconciler reconciler(CallStore calls, Attempts attempts, CallOutcomes outcomes, CallProvider provider,
                          CarrierRecords carrier, TransactionTemplate transactions, Clock clock,
                          DialerProperties properties) {
        return new Reconciler(calls, attempts, outcomes, provider, carrier, transactions, clock,
                properties.dispatch(), properties.elevenlabs().readTimeout());
    }

    @Bean
    SingleCalls singleCalls(Directory directory, Suppressions suppressions, Attempts attempts, CallStore calls,
                            TenantPacing pacing, DialerProperties properties, TransactionTemplate transactions,
                            DialerInstance instance, Clock clock) {
        return new SingleCalls(directory, suppressions, attempts, calls, pacing, properties, transactions,
                new Owner(instance.id(), 0), clock);
    }

    /**
     * Provider reports from the webhook intake (group {@code voice-dialer-reports}): matched to our attempts by
     * our own records; recordings are announced by the intake for whoever stores them, the dialer needs none.
     */
    @Bean
    Consumer<Message<byte[]>> providerReportsIn(IdempotentConsumers consumers, ProviderReports reports) {
        return consumers.consumer("voice-dialer-reports", envelope -> {
            if (envelope.event() instanceof CallReported report) {
                reports.apply(envelope.id(), report);
            }
        });
    }
}
