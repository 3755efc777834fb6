package com.revos.voice.local;

import com.revos.voice.dialer.compliance.model.CallingHoursPolicy;
import com.revos.voice.dialer.compliance.model.DaytimeNumbers;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.web.client.RestClientResponseException;

/**
 * One campaign through the public APIs only, as a tenant would run it: a pool number, an agent from a template,
 * the number assigned, imported and attached, contacts from places where it is daytime now, started. Shared by the
 * demo and the end-to-end test.
 */
public final class CampaignScenario {

    /** How long the places contacts are drawn from must stay inside their legal calling hours. */
    static final Duration DAYTIME_FOR = Duration.ofHours(2);

    private final ProductClient client;
    private final UUID tenant;

    public CampaignScenario(ProductClient client, UUID tenant) {
        this.client = client;
        this.tenant = tenant;
    }

    public record Prepared(Object agentId, Object numberId, Object campaignId, Map<String, Object> upload) {
    }

    public Prepared prepare(String poolNumber, int contacts, double callsPerSecond, int maxConcurrent) {
        client.addPoolNumber(poolNumber, twilioSid(poolNumber));
        var agent = client.deployAgent(tenant, "sales-qualification", "Demo SDR");
        var number = client.assignNumber(tenant, "US");
        var agentId = id(agent);
        var numberId = id(number);
        client.importNumber(tenant, numberId);
        client.attachAgent(tenant, numberId, agentId);
        var campaign = retryUntilAccepted(() -> client.createCampaign(tenant, campaignRequest(agentId, numberId,
                callsPerSecond, maxConcurrent)));
        var campaignId = id(campaign);
        var upload = client.uploadContactsCsv(tenant, campaignId, contactsCsv(contacts, 42, daytimePlaces()));
        return new Prepared(agentId, numberId, campaignId, upload);
    }

    /** The id of what a service just created: its answer always carries one. */
    private static Object id(Map<String, Object> created) {
        return Objects.requireNonNull(created.get("id"), "the service answered without an id");
    }

    public Map<String, Object> start(Object campaignId) {
        return client.campaignAction(tenant, campaignId, "start");
    }

    static Map<String, Object> campaignRequest(Object agentId, Object numberId, double callsPerSecond,
                                               int maxConcurrent) {
        var request = new LinkedHashMap<String, Object>();
        request.put("name", "Demo re-engagement");
        request.put("agent_id", agentId);
        request.put("phone_number_id", numberId);
        // the widest window the law allows; the contacts are drawn from places where it is daytime now
        request.put("calling_window", Map.of("start_hour", 8, "end_hour", 21,
                "days", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")));
        // a sales agent: marketing, so every contact carries its written consent (ADR 0011)
        request.put("purpose", "marketing");
        request.put("pacing", Map.of("calls_per_second", callsPerSecond, "max_concurrent", maxConcurrent));
        request.put("retry_policy", Map.of("max_attempts", 1, "delays", Map.of("busy", 60, "no_answer", 300,
                "voicemail", 600, "failed", 120)));
        return request;
    }

    /**
     * The places inside their legal calling hours now and for {@link #DAYTIME_FOR} (libphonenumber's zones, the
     * dialer's own ceiling); every place when none is (weekends 11-12 UTC), and the campaign then waits for the
     * morning instead of calling anyone at night.
     */
    public static List<DaytimeNumbers.Place> daytimePlaces() {
        var open = DaytimeNumbers.openNow(CallingHoursPolicy.standard(), Instant.now(), DAYTIME_FOR);
        return open.isEmpty() ? DaytimeNumbers.PLACES : open;
    }

    /** A CSV of different contacts spread over the places, with a dynamic variable and the written consent of each. */
    public static String contactsCsv(int count, long seed, List<DaytimeNumbers.Place> places) {
        var csv = new StringBuilder("phone,first_name,consent_type,consent_source,consent_obtained_at\n");
        var numbers = DaytimeNumbers.distinctNumbers(count, new Random(seed), places);
        for (int i = 0; i < numbers.size(); i++) {
            csv.append(numbers.get(i)).append(",Contact").append(i)
                    .append(",written,demo sign-up form,2026-01-05T10:00:00Z\n");
        }
        return csv.toString();
    }

    static String twilioSid(String e164) {
        var digits = e164.replaceAll("\\D", "");
        return "PN" + String.format("%32s", digits).replace(' ', '0');
    }

    /** The dialer learns of the attached number from events: until it has, it refuses the campaign. */
    private static Map<String, Object> retryUntilAccepted(Supplier<Map<String, Object>> request) {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                return request.get();
            } catch (RestClientResponseException e) {
                if (System.nanoTime() > deadline || e.getStatusCode().value() >= 500) {
                    throw e;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
        }
    }
}
