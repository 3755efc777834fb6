package com.revos.voice.provisioning.provider.infrastructure;

import com.revos.voice.provisioning.provider.application.TelephonyCarrier;
import com.revos.voice.provisioning.provider.application.VoiceAgentPlatform;
import com.twilio.http.TwilioRestClient;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

    private static final String TWILIO_PRODUCTION = "https://api.twilio.com";

    @Bean
    VoiceAgentPlatform voiceAgentPlatform(ProviderProperties properties, RestClient.Builder builder,
                                          RetryRegistry retries, CircuitBreakerRegistry breakers) {
        var settings = properties.elevenlabs();
        // HTTP/1.1: the JDK client would otherwise try an h2c upgrade on plain-HTTP base URLs (simulator, WireMock)
        var jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).build();
        var requests = new JdkClientHttpRequestFactory(jdk);
        requests.setReadTimeout(settings.readTimeout());
        var http = builder.clone().baseUrl(settings.baseUrl()).requestFactory(requests)
                .defaultHeader("xi-api-key", settings.apiKey() == null ? "" : settings.apiKey()).build();
        var errors = new ProviderErrors(ElevenLabsPlatform.PROVIDER, settings.apiKey(),
                properties.twilio().authToken());
        return new ElevenLabsPlatform(http, new ResilientCalls(ElevenLabsPlatform.PROVIDER, properties.resilience(),
                retries, breakers), errors, properties.twilio());
    }

    @Bean
    TelephonyCarrier telephonyCarrier(ProviderProperties properties, RetryRegistry retries,
                                      CircuitBreakerRegistry breakers) {
        var settings = properties.twilio();
        var baseUrl = settings.baseUrl() == null || settings.baseUrl().isBlank()
                || settings.baseUrl().startsWith(TWILIO_PRODUCTION) ? null : URI.create(settings.baseUrl());
        var client = new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
                .accountSid(settings.accountSid())
                .httpClient(new HostRewritingTwilioHttpClient(baseUrl, settings)).build();
        return new TwilioCarrier(client, new ResilientCalls(TwilioCarrier.PROVIDER, properties.resilience(), retries,
                breakers), new ProviderErrors(TwilioCarrier.PROVIDER, settings.authToken()));
    }
}
