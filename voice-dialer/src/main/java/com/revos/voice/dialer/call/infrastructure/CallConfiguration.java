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
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UnmatchedReportsRetention.Settings.class)
class CallConfiguration {

    /** Outbound-call requests in flight at once: each waits for the provider's answer on a connection of its own. */
    private static final int PROVIDER_CONNECTIONS = 500;

    /** Resilience4j publishes its state and calls as {@code resilience4j.circuitbreaker.*} metrics. */
    @Bean
    CircuitBreaker elevenLabsCircuitBreaker(CircuitBreakerRegistry registry) {
        return registry.circuitBreaker("elevenlabs");
    }

    @Bean
    CallProvider elevenLabsCalls(DialerProperties properties, CircuitBreaker elevenLabsCircuitBreaker,
                                 RestClient.Builder builder) {
        var settings = properties.elevenlabs();
        // platform threads where calls are paced and written: a virtual thread waits for a carrier, and carriers are
        // busy with the dialer's database work (ADR 0023)
        var wire = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("provider-wire-", 0).factory());
        var http = builder.baseUrl(settings.baseUrl()).requestFactory(providerRequests(settings))
                // first, so that every other interceptor (metrics, tracing) sees the request as it is sent
                .requestInterceptors(interceptors -> interceptors.addFirst(
                        ElevenLabsCalls.gateInterceptor(settings.sendTimeHeader(), wire)))
                .defaultHeader("xi-api-key", settings.apiKey() == null ? "" : settings.apiKey()).build();
        return new ElevenLabsCalls(http, elevenLabsCircuitBreaker);
    }

    /**
     * Classic, blocking HTTP/1.1 for the outbound calls: the thread that passed the last pacing cap writes the request
     * itself. The JDK client handed its writes to its one selector thread, which a busy machine starved and then let
     * go in bursts: on the loopback, 63 calls reached the simulator in one second of a 50/s campaign whose send point
     * held 50 (docs/benchmarks.md). It never sends a request again itself, nor follows a redirect: a POST that may
     * have reached the provider is looked up there instead (ADR 0009).
     */
    private static HttpComponentsClientHttpRequestFactory providerRequests(DialerProperties.ElevenLabs settings) {
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.readTimeout()))
                        // a kept-alive connection the provider closed meanwhile is found before a request is written
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1)).build())
                .setMaxConnTotal(PROVIDER_CONNECTIONS).setMaxConnPerRoute(PROVIDER_CONNECTIONS)
                // each request, once flushed to its socket, back to its gate: the send point counts it from then
                .setConnectionFactory(new WriteReportingConnections(ElevenLabsCalls::flushed)).build();
        var client = HttpClients.custom().setConnectionManager(connections).disableAutomaticRetries()
                .disableRedirectHandling().disableCookieManagement()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.readTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(settings.connectTimeout())).build())
                .build();
        return new HttpComponentsClientHttpRequestFactory(client);
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
        // Recovery counts a 'sending' attempt as its sender's lost request after the read timeout plus 5 s
        return new Attempts(calls, contacts, outcomes, provider, events, transactions, clock, properties.dispatch(),
                meters, compliance, properties.elevenlabs().readTimeout());
    }

    @Bean
    ProviderReports providerReports(CallRecords calls, CallOutcomes outcomes, JdbcTemplate jdbc, MeterRegistry meters,
                                    Clock clock) {
        return new ProviderReports(calls, outcomes, new JdbcUnmatchedReports(jdbc), meters, clock);
    }

    @Bean
    UnmatchedReportsRetention unmatchedReportsRetention(JdbcTemplate jdbc, UnmatchedReportsRetention.Settings settings,
                                                        Clock clock) {
        return new UnmatchedReportsRetention(jdbc, settings, clock);
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
