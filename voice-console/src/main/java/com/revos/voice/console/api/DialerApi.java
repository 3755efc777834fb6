package com.revos.voice.console.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** voice-dialer's public API: campaigns, contacts, calls, usage, suppressions. */
@Component
public class DialerApi {

    private static final String SERVICE = "voice-dialer";
    private final ServiceClients clients;

    DialerApi(ServiceClients clients) {
        this.clients = clients;
    }

    public Page<Campaign> campaigns(UUID tenant, int limit, int offset) {
        return ServiceClients.call(SERVICE, () -> clients.dialer.get()
                .uri("/v1/tenants/{t}/campaigns?limit={l}&offset={o}", tenant, limit, offset)
                .retrieve().body(new ParameterizedTypeReference<Page<Campaign>>() { }));
    }

    public Campaign campaign(UUID tenant, String id) {
        return ServiceClients.call(SERVICE, () -> clients.dialer.get().uri("/v1/tenants/{t}/campaigns/{id}", tenant, id)
                .retrieve().body(Campaign.class));
    }

    /** The request body is built by the page (snake_case fields, as in the API reference). */
    public Campaign createCampaign(UUID tenant, String idempotencyKey, Map<String, Object> campaign) {
        return ServiceClients.call(SERVICE, () -> clients.dialer.post().uri("/v1/tenants/{t}/campaigns", tenant)
                .header("Idempotency-Key", idempotencyKey).contentType(MediaType.APPLICATION_JSON).body(campaign)
                .retrieve().body(Campaign.class));
    }

    public UploadReport uploadCsv(UUID tenant, String id, byte[] csv) {
        return ServiceClients.call(SERVICE, () -> clients.dialer.post()
                .uri("/v1/tenants/{t}/campaigns/{id}/contacts", tenant, id)
                .contentType(MediaType.parseMediaType("text/csv")).body(csv).retrieve().body(UploadReport.class));
    }

    /** start, pause, resume or cancel. */
    public Campaign act(UUID tenant, String id, CampaignAction action) {
        return ServiceClients.call(SERVICE, () -> {
            var request = clients.dialer.post().uri("/v1/tenants/{t}/campaigns/{id}/{a}", tenant, id, action.path());
            if (action == CampaignAction.START) {
                request = request.header("Idempotency-Key", "start:" + id);
            }
            return request.retrieve().body(Campaign.class);
        });
    }

    public Page<Call> calls(UUID tenant, String campaignId, int limit, int offset) {
        return ServiceClients.call(SERVICE, () -> clients.dialer.get()
                .uri("/v1/tenants/{t}/campaigns/{id}/calls?limit={l}&offset={o}", tenant, campaignId, limit, offset)
                .retrieve().body(new ParameterizedTypeReference<Page<Call>>() { }));
    }

    public Call call(UUID tenant, String id) {
        return ServiceClients.call(SERVICE, () -> clients.dialer.get().uri("/v1/tenants/{t}/calls/{id}", tenant, id)
                .retrieve().body(Call.class));
    }

    public Call placeCall(UUID tenant, String idempotencyKey, String agentId, String phoneNumberId, String toNumber) {
        var body = new LinkedHashMap<String, Object>();
        body.put("agent_id", blankToNull(agentId));
        body.put("phone_number_id", blankToNull(phoneNumberId));
        body.put("to_number", toNumber == null ? "" : toNumber.strip());
        return ServiceClients.call(SERVICE, () -> clients.dialer.post().uri("/v1/tenants/{t}/calls", tenant)
                .header("Idempotency-Key", idempotencyKey).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(Call.class));
    }

    public Usage usage(UUID tenant, Instant from, Instant to) {
        return ServiceClients.call(SERVICE, () -> clients.dialer.get()
                .uri("/v1/tenants/{t}/usage?from={f}&to={to}", tenant, from.toString(), to.toString())
                .retrieve().body(Usage.class));
    }

    public Page<Suppression> suppressions(UUID tenant, int limit, int offset) {
        return ServiceClients.call(SERVICE, () -> clients.dialer.get()
                .uri("/v1/tenants/{t}/suppressions?limit={l}&offset={o}", tenant, limit, offset)
                .retrieve().body(new ParameterizedTypeReference<Page<Suppression>>() { }));
    }

    public Suppression suppress(UUID tenant, String phone, String reason) {
        var body = new LinkedHashMap<String, Object>();
        body.put("phone", phone);
        if (reason != null && !reason.isBlank()) {
            body.put("reason", reason.strip());
        }
        return ServiceClients.call(SERVICE, () -> clients.dialer.post().uri("/v1/tenants/{t}/suppressions", tenant)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(Suppression.class));
    }

    public void unsuppress(UUID tenant, String phone) {
        ServiceClients.run(SERVICE, () -> clients.dialer.delete().uri("/v1/tenants/{t}/suppressions?phone={p}", tenant,
                phone).retrieve().toBodilessEntity());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public enum CampaignAction {
        START, PAUSE, RESUME, CANCEL;

        String path() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
