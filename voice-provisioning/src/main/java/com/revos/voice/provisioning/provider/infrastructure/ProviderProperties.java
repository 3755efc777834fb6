package com.revos.voice.provisioning.provider.infrastructure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code revos.providers.*}: where ElevenLabs and Twilio are, their credentials (never logged), and how hard to
 * try: HTTP timeouts, retries with exponential backoff, and the circuit breaker.
 */
@ConfigurationProperties("revos.providers")
record ProviderProperties(ElevenLabs elevenlabs, Twilio twilio, @DefaultValue Resilience resilience) {

    record ElevenLabs(String baseUrl, String apiKey, @DefaultValue("2s") Duration connectTimeout,
                      @DefaultValue("10s") Duration readTimeout) {
        @Override
        public String toString() {
            return "ElevenLabs[baseUrl=" + baseUrl + ", apiKey=***]";
        }
    }

    record Twilio(String baseUrl, String accountSid, String authToken, @DefaultValue("2s") Duration connectTimeout,
                  @DefaultValue("10s") Duration readTimeout) {
        @Override
        public String toString() {
            return "Twilio[baseUrl=" + baseUrl + ", accountSid=" + accountSid + ", authToken=***]";
        }
    }

    /**
     * @param maxAttempts attempts per call, the first included
     * @param initialBackoff wait before the second attempt; doubles per attempt up to {@code maxBackoff}
     * @param failureRateThreshold percent of failed calls (5xx, 429, timeouts; never 4xx) that opens the circuit
     * @param minimumCalls calls in the window before the rate counts
     * @param openFor how long the circuit stays open (the Retry-After we answer with)
     */
    record Resilience(@DefaultValue("3") int maxAttempts, @DefaultValue("200ms") Duration initialBackoff,
                      @DefaultValue("5s") Duration maxBackoff, @DefaultValue("50") float failureRateThreshold,
                      @DefaultValue("10") int minimumCalls, @DefaultValue("20") int slidingWindow,
                      @DefaultValue("30s") Duration openFor) {
    }
}
