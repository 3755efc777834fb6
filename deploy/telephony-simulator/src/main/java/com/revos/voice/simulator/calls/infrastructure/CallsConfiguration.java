package com.revos.voice.simulator.calls.infrastructure;

import java.net.URI;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.revos.voice.simulator.SimulatorProperties;
import com.revos.voice.simulator.calls.application.CallSimulator;
import com.revos.voice.simulator.calls.application.CallStats;
import com.revos.voice.simulator.calls.application.ConversationRegistry;
import com.revos.voice.simulator.calls.application.Directory;
import com.revos.voice.simulator.calls.application.ProviderArrivals;
import com.revos.voice.simulator.calls.application.SchedulingStalls;
import com.revos.voice.simulator.calls.application.SimulationControl;
import com.revos.voice.simulator.calls.application.WebhookDispatcher;
import com.revos.voice.simulator.calls.application.WebhookSigner;
import com.revos.voice.simulator.calls.model.AccountError;
import com.revos.voice.simulator.calls.model.SimulationSettings;

/** Wires the call simulation; the application classes are plain Java and get built here with {@code new}. */
@Configuration(proxyBeanMethods = false)
class CallsConfiguration {

    /** Timers only: every task is short (draw, build JSON, hand the POST to the async HTTP client). */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService simulatorScheduler() {
        return Executors.newScheduledThreadPool(2, Thread.ofPlatform().name("simulator-timer-", 0).daemon(true).factory());
    }

    @Bean
    CallStats callStats(MeterRegistry registry) {
        return new CallStats(new MicrometerSimulatorMetrics(registry));
    }

    @Bean
    ConversationRegistry conversationRegistry(SimulatorProperties properties) {
        return new ConversationRegistry(properties.maxConversations());
    }

    /** Lists up to 100,000 arrivals per account: a 10,000-contact pacing run, several times over. */
    @Bean
    ProviderArrivals providerArrivals() {
        return new ProviderArrivals(InstantSource.system(), System::nanoTime, 100_000);
    }

    /** Wake-ups of a platform and a virtual thread later than 20 ms, a 5 ms tick: the simulator's own stalls. */
    @Bean(destroyMethod = "close")
    SchedulingStalls schedulingStalls() {
        return new SchedulingStalls(InstantSource.system(), java.time.Duration.ofMillis(5),
                java.time.Duration.ofMillis(20));
    }

    /** On the engine, ahead of every filter: the arrival as Tomcat's first read of the request saw it. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> arrivalStamps() {
        return factory -> factory.addEngineValves(new ArrivalStampValve("/v1/convai/twilio/outbound-call"));
    }

    @Bean
    SimulationControl simulationControl(SimulatorProperties p, CallStats stats, ConversationRegistry conversations,
                                        ProviderArrivals arrivals) {
        SimulationSettings initial = new SimulationSettings(p.apiLatency().toMillis(), p.answerRate(), p.busyRate(),
                p.voicemailRate(), p.failureRate(), p.qualificationRate(), p.minDurationSecs(), p.maxDurationSecs(),
                p.outboundErrorRate(), p.outbound429Rate(), p.timeScale(), p.maxConcurrentCalls(),
                AccountError.NONE);
        return new SimulationControl(initial, p.seed(), stats, conversations, arrivals);
    }

    @Bean
    WebhookDispatcher webhookDispatcher(SimulatorProperties p, JsonMapper jsonMapper,
                                        ScheduledExecutorService simulatorScheduler, CallStats stats) {
        return new WebhookDispatcher(new HttpWebhookTransport(URI.create(p.webhookUrl()), p.webhookTimeout()),
                new WebhookSigner(p.webhookSecret()), jsonMapper::writeValueAsString, simulatorScheduler,
                InstantSource.system(), stats, p.webhookMaxAttempts(), p.webhookRetryDelay());
    }

    @Bean
    CallSimulator callSimulator(SimulationControl control, CallStats stats, ConversationRegistry conversations,
                                Directory directory, WebhookDispatcher webhooks,
                                ScheduledExecutorService simulatorScheduler) {
        return new CallSimulator(control, stats, control.arrivals(), conversations, directory, webhooks,
                simulatorScheduler, InstantSource.system());
    }
}
