package com.revos.voice.console.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** voice-provisioning's public API: templates, agents, the tenant's numbers, the operator's pool. */
@Component
public class ProvisioningApi {

    private static final String SERVICE = "voice-provisioning";
    private static final ParameterizedTypeReference<Page<PoolNumber>> POOL = new ParameterizedTypeReference<>() {
    };
    private final ServiceClients clients;

    ProvisioningApi(ServiceClients clients) {
        this.clients = clients;
    }

    public Page<Template> templates() {
        return ServiceClients.call(SERVICE, () -> clients.provisioning.get().uri("/v1/templates?limit=100")
                .retrieve().body(new ParameterizedTypeReference<Page<Template>>() { }));
    }

    public Template template(String id) {
        return ServiceClients.call(SERVICE, () -> clients.provisioning.get().uri("/v1/templates/{id}", id)
                .retrieve().body(Template.class));
    }

    public Page<Agent> agents(UUID tenant, int limit, int offset) {
        return ServiceClients.call(SERVICE, () -> clients.provisioning.get()
                .uri("/v1/tenants/{t}/agents?limit={l}&offset={o}", tenant, limit, offset)
                .retrieve().body(new ParameterizedTypeReference<Page<Agent>>() { }));
    }

    public Agent agent(UUID tenant, String id) {
        return ServiceClients.call(SERVICE, () -> clients.provisioning.get().uri("/v1/tenants/{t}/agents/{id}",
                tenant, id).retrieve().body(Agent.class));
    }

    /** Deploys a template; blank overrides are left out, so the template's own values apply. */
    public Agent deploy(UUID tenant, String idempotencyKey, String templateId, @Nullable String name,
                        Map<String, String> overrides) {
        var body = new LinkedHashMap<String, Object>();
        body.put("template_id", templateId);
        if (name != null && !name.isBlank()) {
            body.put("name", name.strip());
        }
        var given = new LinkedHashMap<String, String>();
        overrides.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                given.put(key, value.strip());
            }
        });
        if (!given.isEmpty()) {
            body.put("overrides", given);
        }
        return ServiceClients.call(SERVICE, () -> clients.provisioning.post().uri("/v1/tenants/{t}/agents", tenant)
                .header("Idempotency-Key", idempotencyKey).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(Agent.class));
    }

    public void deleteAgent(UUID tenant, String id) {
        ServiceClients.run(SERVICE, () -> clients.provisioning.delete().uri("/v1/tenants/{t}/agents/{id}", tenant, id)
                .retrieve().toBodilessEntity());
    }

    public Page<PhoneNumber> numbers(UUID tenant, int limit, int offset) {
        return ServiceClients.call(SERVICE, () -> clients.provisioning.get()
                .uri("/v1/tenants/{t}/phone-numbers?limit={l}&offset={o}", tenant, limit, offset)
                .retrieve().body(new ParameterizedTypeReference<Page<PhoneNumber>>() { }));
    }

    public PhoneNumber number(UUID tenant, String id) {
        return ServiceClients.call(SERVICE, () -> clients.provisioning.get().uri("/v1/tenants/{t}/phone-numbers/{id}",
                tenant, id).retrieve().body(PhoneNumber.class));
    }

    public PhoneNumber assignNumber(UUID tenant, String idempotencyKey, String country, String areaCode) {
        var body = new LinkedHashMap<String, Object>();
        if (country != null && !country.isBlank()) {
            body.put("country", country.strip());
        }
        if (areaCode != null && !areaCode.isBlank()) {
            body.put("area_code", areaCode.strip());
        }
        return ServiceClients.call(SERVICE, () -> clients.provisioning.post()
                .uri("/v1/tenants/{t}/phone-numbers", tenant).header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(PhoneNumber.class));
    }

    public PhoneNumber importNumber(UUID tenant, String id) {
        return ServiceClients.call(SERVICE, () -> clients.provisioning.post()
                .uri("/v1/tenants/{t}/phone-numbers/{id}/import", tenant, id).header("Idempotency-Key",
                        "import:" + id).retrieve().body(PhoneNumber.class));
    }

    public PhoneNumber attachAgent(UUID tenant, String id, String agentId) {
        return ServiceClients.call(SERVICE, () -> clients.provisioning.put()
                .uri("/v1/tenants/{t}/phone-numbers/{id}/agent", tenant, id).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("agent_id", agentId == null ? "" : agentId)).retrieve().body(PhoneNumber.class));
    }

    public void releaseNumber(UUID tenant, String id) {
        ServiceClients.run(SERVICE, () -> clients.provisioning.delete()
                .uri("/v1/tenants/{t}/phone-numbers/{id}", tenant, id).retrieve().toBodilessEntity());
    }

    public Page<PoolNumber> pool(@Nullable String status, int limit, int offset) {
        return ServiceClients.call(SERVICE, () -> clients.provisioning.get()
                .uri(status == null || status.isBlank() ? "/v1/admin/phone-pool?limit={l}&offset={o}"
                        : "/v1/admin/phone-pool?limit={l}&offset={o}&status={s}", limit, offset, status)
                .retrieve().body(new ParameterizedTypeReference<Page<PoolNumber>>() { }));
    }

    public List<PoolNumber> addToPool(String idempotencyKey, List<Map<String, String>> numbers) {
        return ServiceClients.call(SERVICE, () -> clients.provisioning.post().uri("/v1/admin/phone-pool")
                .header("Idempotency-Key", idempotencyKey).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("numbers", numbers)).retrieve().body(POOL)).items();
    }

    public List<PoolNumber> purchase(String idempotencyKey, String country, String areaCode, int count) {
        var body = new LinkedHashMap<String, Object>();
        body.put("country", country == null ? "" : country.strip());
        if (areaCode != null && !areaCode.isBlank()) {
            body.put("area_code", areaCode.strip());
        }
        body.put("count", count);
        return ServiceClients.call(SERVICE, () -> clients.provisioning.post().uri("/v1/admin/phone-pool/purchase")
                .header("Idempotency-Key", idempotencyKey).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(POOL)).items();
    }
}
