package com.revos.voice.dialer;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code revos.dialer.*}.
 *
 * @param tenantLimits the default limits of every tenant, and per-tenant overrides
 * @param numberMaxConcurrent calls in flight at once from one phone number
 * @param defaultTimeZone the zone of contacts whose number names none
 * @param providerAccount the voice provider account's own limits, shared by all tenants and dialer instances
 */
@ConfigurationProperties("revos.dialer")
public record DialerProperties(ElevenLabs elevenlabs, Twilio twilio, Limits tenantLimits,
                               @DefaultValue("100") int numberMaxConcurrent,
                               @DefaultValue("UTC") ZoneId defaultTimeZone,
                               Dispatch dispatch, @DefaultValue ProviderAccount providerAccount) {

    /**
     * @param sendTimeHeader when set, each outbound-call request carries the instant it was handed to the HTTP client
     *        under this header, so that a provider stub can tell send-side bunching from transport (the pacing
     *        benchmark's simulator); unset in production, where the real provider has no use for it
     */
    public record ElevenLabs(@DefaultValue("http://localhost:8090") String baseUrl, String apiKey,
                             @DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout,
                             @org.jspecify.annotations.Nullable String sendTimeHeader) {
        @Override
        public String toString() {
            return "ElevenLabs[baseUrl=" + baseUrl + ", apiKey=***]";
        }
    }

    /**
     * The Twilio account ElevenLabs places our calls through: its call records are the second witness asked about an
     * attempt whose answer was lost (ADR 0009).
     */
    public record Twilio(@DefaultValue("https://api.twilio.com") String baseUrl, String accountSid, String authToken,
                         @DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout) {
        @Override
        public String toString() {
            return "Twilio[baseUrl=" + baseUrl + ", accountSid=" + accountSid + ", authToken=***]";
        }
    }

    public record Limits(@DefaultValue("50") double callsPerSecond, @DefaultValue("100") int maxConcurrent,
                         @DefaultValue Map<UUID, Limit> overrides) {
    }

    public record Limit(double callsPerSecond, int maxConcurrent) {
    }

    /**
     * @param name the account's name in the shared pacing log (one per provider account)
     * @param callsPerSecond call starts per second the account allows (Twilio CPS, the plan's ElevenLabs limits)
     * @param maxConcurrent calls in flight at once the account allows
     */
    public record ProviderAccount(@DefaultValue("default") String name, @DefaultValue("250") double callsPerSecond,
                                  @DefaultValue("1000") int maxConcurrent) {
    }

    /**
     * @param tick how often each running campaign is re-read (pause, retime, scale take effect within one tick)
     * @param lease how long an instance owns a campaign's pacing without renewing
     * @param outageBackoff how long a contact whose call was deferred by a provider outage waits
     * @param staleRequestAfter a {@code requested} attempt older than this was left by a dead instance: never sent,
     *        it is given back to its contact
     * @param outcomeTimeout after this without an outcome, the provider is asked (lost webhook)
     * @param settleAfter how long after sending the provider's conversation list is trusted to show a call
     * @param giveUpAfter an ambiguous attempt the provider cannot explain for this long counts as dialed (failed)
     * @param recoverEvery how often unsent, interrupted and ambiguous attempts are looked at
     * @param pacingGuard added to the one-second pacing window to absorb send jitter (costs as much of the rate)
     * @param sharedPacingGuard the same for the limits all instances share (tenant, provider account), whose grants
     *        are further from the wire (a database round trip); smaller than {@code pacingGuard}, so that the shared
     *        grants feed a campaign's cap at the wire a little faster than it lets calls go
     */
    public record Dispatch(@DefaultValue("true") boolean enabled, @DefaultValue("100ms") Duration tick,
                           @DefaultValue("5s") Duration lease, @DefaultValue("15s") Duration outageBackoff,
                           @DefaultValue("10s") Duration staleRequestAfter,
                           @DefaultValue("10m") Duration outcomeTimeout,
                           @DefaultValue("30s") Duration reconcileEvery,
                           @DefaultValue("20ms") Duration pacingGuard,
                           @DefaultValue("10ms") Duration sharedPacingGuard,
                           @DefaultValue("15s") Duration settleAfter, @DefaultValue("1h") Duration giveUpAfter,
                           @DefaultValue("2s") Duration recoverEvery) {
    }
}
