package com.revos.voice.local;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The product's public REST API, as a gateway client uses it: used by the demo and by the end-to-end test, so both
 * exercise exactly what clients do. JSON bodies are plain maps in the API's snake_case.
 */
public final class ProductClient {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private final RestClient provisioning;
    private final RestClient dialer;
    private final RestClient optimizer;
    private final RestClient simulator;
    private final RestClient operator;

    public ProductClient(String provisioningUrl, String dialerUrl, String optimizerUrl, String simulatorUrl,
                         String tenantToken, String operatorToken) {
        this.provisioning = client(provisioningUrl, tenantToken);
        this.dialer = client(dialerUrl, tenantToken);
        this.optimizer = client(optimizerUrl, tenantToken);
        this.simulator = client(simulatorUrl, null);
        this.operator = client(provisioningUrl, operatorToken);
    }

    /** Every call here answers with a JSON object; an empty answer is a broken service, said as such. */
    private static Map<String, Object> answer(@Nullable Map<String, Object> body) {
        if (body == null) {
            throw new IllegalStateException("The service answered without a body");
        }
        return body;
    }

    private static RestClient client(String baseUrl, @Nullable String token) {
        // the JDK client, named: Apache's (on the classpath for the dialer) would wait out a Retry-After and ask again
        var builder = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()).baseUrl(baseUrl);
        if (token != null) {
            builder.defaultHeader("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    public Map<String, Object> addPoolNumber(String e164, String twilioSid) {
        return answer(operator.post().uri("/v1/admin/phone-pool").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("numbers", List.of(Map.of("e164", e164, "twilio_sid", twilioSid)))).retrieve().body(JSON));
    }

    public Map<String, Object> deployAgent(UUID tenant, String templateId, String name) {
        return answer(provisioning.post().uri("/v1/tenants/{t}/agents", tenant).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("template_id", templateId, "name", name)).retrieve().body(JSON));
    }

    public Map<String, Object> assignNumber(UUID tenant, String country) {
        return answer(provisioning.post().uri("/v1/tenants/{t}/phone-numbers", tenant)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("country", country)).retrieve().body(JSON));
    }

    public Map<String, Object> importNumber(UUID tenant, Object numberId) {
        return answer(provisioning.post().uri("/v1/tenants/{t}/phone-numbers/{id}/import", tenant, numberId)
                .retrieve().body(JSON));
    }

    public Map<String, Object> attachAgent(UUID tenant, Object numberId, Object agentId) {
        return answer(provisioning.put().uri("/v1/tenants/{t}/phone-numbers/{id}/agent", tenant, numberId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("agent_id", agentId)).retrieve().body(JSON));
    }

    public Map<String, Object> createCampaign(UUID tenant, Map<String, Object> campaign) {
        return answer(dialer.post().uri("/v1/tenants/{t}/campaigns", tenant).contentType(MediaType.APPLICATION_JSON)
                .body(campaign).retrieve().body(JSON));
    }

    public Map<String, Object> uploadContactsCsv(UUID tenant, Object campaignId, String csv) {
        return answer(dialer.post().uri("/v1/tenants/{t}/campaigns/{id}/contacts", tenant, campaignId)
                .contentType(MediaType.parseMediaType("text/csv")).body(csv).retrieve().body(JSON));
    }

    public Map<String, Object> campaignAction(UUID tenant, Object campaignId, String action) {
        return answer(dialer.post().uri("/v1/tenants/{t}/campaigns/{id}/{action}", tenant, campaignId, action)
                .retrieve().body(JSON));
    }

    public Map<String, Object> campaign(UUID tenant, Object campaignId) {
        return answer(dialer.get().uri("/v1/tenants/{t}/campaigns/{id}", tenant, campaignId).retrieve().body(JSON));
    }

    public Map<String, Object> calls(UUID tenant, Object campaignId, int limit, int offset) {
        return answer(dialer.get().uri("/v1/tenants/{t}/campaigns/{id}/calls?limit={l}&offset={o}", tenant, campaignId,
                limit, offset).retrieve().body(JSON));
    }

    public Map<String, Object> usage(UUID tenant, String from, String to) {
        return answer(dialer.get().uri("/v1/tenants/{t}/usage?from={f}&to={to}", tenant, from, to).retrieve()
                .body(JSON));
    }

    public Map<String, Object> decisions(UUID tenant, Object campaignId) {
        return answer(optimizer.get().uri("/v1/tenants/{t}/campaigns/{id}/decisions", tenant, campaignId).retrieve()
                .body(JSON));
    }

    public Map<String, Object> optimizerPolicy(UUID tenant) {
        return answer(optimizer.get().uri("/v1/tenants/{t}/optimizer-policy", tenant).retrieve().body(JSON));
    }

    public Map<String, Object> replaceOptimizerPolicy(UUID tenant, Map<String, Object> policy) {
        return answer(optimizer.put().uri("/v1/tenants/{t}/optimizer-policy", tenant)
                .contentType(MediaType.APPLICATION_JSON).body(policy).retrieve().body(JSON));
    }

    public Map<String, Object> simulatorConfig(Map<String, Object> changes) {
        return answer(simulator.put().uri("/simulator/config").contentType(MediaType.APPLICATION_JSON).body(changes)
                .retrieve().body(JSON));
    }

    public Map<String, Object> simulatorCalls() {
        return answer(simulator.get().uri("/simulator/calls").retrieve().body(JSON));
    }

    /** Forgets the simulator's calls and its provider-side arrivals: a measurement starts from nothing. */
    public void simulatorReset() {
        simulator.post().uri("/simulator/reset").retrieve().toBodilessEntity();
    }

    /** Per provider account: arrivals, the most in any sliding second, the mean rate (the provider's witness). */
    public Map<String, Object> simulatorArrivals() {
        return answer(simulator.get().uri("/simulator/arrivals").retrieve().body(JSON));
    }

    /** Every arrival the simulator listed for one account, as it answers them (a JSON array). */
    public String simulatorArrivalList(String account) {
        var list = simulator.get().uri("/simulator/arrivals/{account}", account).retrieve().body(String.class);
        return list == null ? "[]" : list;
    }

    /** The simulator's own late wake-ups since its last reset, as it answers them (a JSON array). */
    public String simulatorStalls() {
        var list = simulator.get().uri("/simulator/stalls").retrieve().body(String.class);
        return list == null ? "[]" : list;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.getOrDefault("items", List.of());
    }
}
