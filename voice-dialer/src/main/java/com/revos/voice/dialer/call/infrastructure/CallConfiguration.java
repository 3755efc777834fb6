package com.revos.voice.dialer.call.infrastructure;

import com.revos.voice.dialer.DialerProperties;
import com.revos.voice.dialer.compliance.application.DialCompliance;
import com.revos.voice.dialer.compliance.application.OutcomeCompliance;
import com.revos.voice.dialer.call.application.Attempts;
import com.revos.voice.dialer.call.application.CallOutcomes;
import com.revos.voice.dialer.call.application.CallProvider;
import com.revos.voice.dialer.call.application.CallRecords;
import com.revos.voice.dialer.call.application.CarrierRecords;
import com.revos.voice.dialer.call.application.OutcomeCounter;
import com.revos.voice.dialer.call.application.ProviderReports;
import com.revos.voice.dialer.call.application.Recovery;
import com.revos.voice.dialer.call.application.SingleCalls;
import com.revos.voice.dialer.call.model.Owner;
import com.revos.voice.dialer.campaign.application.CampaignCompletion;
import com.revos.voice.dialer.campaign.application.ContactQueue;
import com.revos.voice.dialer.common.application.Events;
import com.revos.voice.dialer.common.application.Transactions;
import com.revos.voice.dialer.common.model.DialerInstance;
import com.revos.voice.dialer.directory.application.Directory;
import com.revos.voice.dialer.pacing.application.CallPacing;
import com.revos.voice.dialer.suppression.application.SuppressionList;
import com.revos.voice.dialer.usage.application.Ledger;
import com.revos.voice.events.ProviderReport.CallReported;
import com.revos.voice.plumbing.consumer.IdempotentConsumers;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;
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
        // platform threads where calls are paced and written, and for the client's own hand-offs: a virtual thread
        // waits for a carrier, and carriers are busy with the dialer's database work (ADR 0023)
        var wire = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("provider-wire-", 0).factory());
        // HTTP/1.1: the JDK client's cleartext h2c upgrade on POSTs trips some servers (and stubs)
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).executor(wire).build();
        var factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(settings.readTimeout());
        var http = builder.baseUrl(settings.baseUrl()).requestFactory(factory)
                // first, so that every other interceptor (metrics, tracing) sees the request as it is sent
                .requestInterceptors(interceptors -> interceptors.addFirst(
                        ElevenLabsCalls.gateInterceptor(settings.sendTimeHeader(), wire)))
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
    OutcomeCounter outcomeCounter(MeterRegistry meters, Transactions transactions) {
        return new OutcomeCounter(meters, transactions);
    }

    @Bean
    CallOutcomes callOutcomes(CallRecords calls, ContactQueue contacts, CampaignCompletion completion, Ledger usage,
                              OutcomeCounter counter, Events events, Clock clock, OutcomeCompliance compliance) {
        return new CallOutcomes(calls, contacts, completion, usage, counter, events, clock, compliance);
    }

    @Bean
    Attempts attempts(CallRecords calls, ContactQueue contacts, CallOutcomes outcomes, CallProvider provider,
                      Events events, Transactions transactions, Clock clock, DialerProperties properties,
                      MeterRegistry meters, DialCompliance compliance) {
        return new Attempts(calls, contacts, outcomes, provider, events, transactions, clock, properties.dispatch(),
                meters, compliance);
    }

    @Bean
    ProviderReports providerReports(CallRecords calls, CallOutcomes outcomes, JdbcTemplate jdbc, MeterRegistry meters,
                                    Clock clock) {
        return new ProviderReports(calls, outcomes, new JdbcUnmatchedReports(jdbc), meters, clock);
    }

    @Bean
    Recovery recovery(CallRecords calls, Attempts attempts, CallOutcomes outcomes, CallProvider provider,
                      CarrierRecords carrier, Transactions transactions, Clock clock, DialerProperties properties) {
        return new Recovery(calls, attempts, outcomes, provider, carrier, transactions, clock,
                properties.dispatch(), properties.elevenlabs().readTimeout());
    }

    @Bean
    RecoverySchedule recoverySchedule(Recovery recovery, DialerProperties properties) {
        return new RecoverySchedule(recovery, properties.dispatch());
    }

    @Bean
    SingleCalls singleCalls(Directory directory, SuppressionList suppressions, Attempts attempts, CallRecords calls,
                            CallPacing pacing, DialerProperties properties, Transactions transactions,
                            DialerInstance instance, Clock clock, DialCompliance compliance) {
        return new SingleCalls(directory, suppressions, attempts, calls, pacing, properties, transactions,
                new Owner(instance.id(), 0), clock, compliance);
    }

    /**
     * Provider reports from the webhook intake (group {@code voice-dialer-reports}): matched to our attempts by
     * our own records, a poll's batch per transaction (a busy intake would otherwise cost a commit per report);
     * recordings are announced by the intake for whoever stores them, the dialer needs none.
     */
    @Bean
    Consumer<Message<List<byte[]>>> providerReportsIn(IdempotentConsumers consumers, ProviderReports reports) {
        return consumers.batchConsumer("voice-dialer-reports", envelopes -> reports.applyAll(envelopes.stream()
                .<ProviderReports.Delivered>mapMulti((envelope, delivered) -> {
                    if (envelope.event() instanceof CallReported report) {
                        delivered.accept(new ProviderReports.Delivered(envelope.id(), report));
                    }
                }).toList()));
    }
}
