package com.revos.voice.console.api;

import java.util.Map;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * kernel-optimizer's public API: a campaign's decision trail and the tenant's policy. The policy travels as a JSON
 * object, so settings a newer optimizer adds are shown and sent back, never dropped by the console.
 */
@Component
public class OptimizerApi {

    private static final String SERVICE = "kernel-optimizer";
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private final ServiceClients clients;

    OptimizerApi(ServiceClients clients) {
        this.clients = clients;
    }

    public Page<Decision> decisions(UUID tenant, String campaignId, int limit, int offset) {
        return ServiceClients.call(SERVICE, () -> clients.optimizer.get()
                .uri("/v1/tenants/{t}/campaigns/{id}/decisions?limit={l}&offset={o}", tenant, campaignId, limit, offset)
                .retrieve().body(new ParameterizedTypeReference<Page<Decision>>() { }));
    }

    public Map<String, Object> policy(UUID tenant) {
        return ServiceClients.call(SERVICE, () -> clients.optimizer.get().uri("/v1/tenants/{t}/optimizer-policy", tenant)
                .retrieve().body(OBJECT));
    }

    public Map<String, Object> updatePolicy(UUID tenant, Map<String, Object> policy) {
        return ServiceClients.call(SERVICE, () -> clients.optimizer.put().uri("/v1/tenants/{t}/optimizer-policy", tenant)
                .contentType(MediaType.APPLICATION_JSON).body(policy).retrieve().body(OBJECT));
    }
}
