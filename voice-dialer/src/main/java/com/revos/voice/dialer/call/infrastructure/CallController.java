package com.revos.voice.dialer.call.infrastructure;

import com.revos.voice.dialer.compliance.application.DialCompliance;
import com.revos.voice.dialer.call.application.SingleCalls;
import com.revos.voice.dialer.call.model.Attempt;
import com.revos.voice.dialer.campaign.application.CampaignRecords;
import com.revos.voice.values.PageWindow;
import com.revos.voice.values.Page;
import com.revos.voice.service.ApiException;
import com.revos.voice.service.IdempotentRequests;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Single calls, and the calls of a campaign. */
@RestController
class CallController {

    private static final int MAX_VARIABLE_LENGTH = 1000;

    private final SingleCalls singleCalls;
    private final CallStore calls;
    private final IdempotentRequests idempotent;
    private final CampaignRecords campaigns;
    private final TransactionTemplate transactions;

    private final DialCompliance compliance;

    CallController(SingleCalls singleCalls, CallStore calls, IdempotentRequests idempotent,
                   CampaignRecords campaigns, TransactionTemplate transactions, DialCompliance compliance) {
        this.compliance = compliance;
        this.singleCalls = singleCalls;
        this.calls = calls;
        this.idempotent = idempotent;
        this.campaigns = campaigns;
        this.transactions = transactions;
    }

    /** A contact's variables are bounded as an upload's are: 50 at most, each name and text value 1,000 characters. */
    record PlaceCallRequest(@NotNull UUID agentId, @NotNull UUID phoneNumberId, @NotBlank @Size(max = 32) String toNumber,
                            @Schema(maxProperties = 50) @Size(max = 50)
                            Map<@Size(max = 1000) String, Object> dynamicVariables) {
    }

    /** A retried request with the same {@code Idempotency-Key} gets the first answer and never dials twice. */
    @PostMapping("/v1/tenants/{tenantId}/calls")
    ResponseEntity<CallView> place(@PathVariable UUID tenantId,
                                   @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                   @Valid @RequestBody PlaceCallRequest request) {
        if (request.dynamicVariables() != null) {
            if (request.dynamicVariables().values().stream()
                    .anyMatch(value -> value instanceof Map<?, ?> || value instanceof java.util.Collection<?>)) {
                throw ApiException.badRequest("dynamic_variables", "values must be strings, numbers, booleans or null");
            }
            if (request.dynamicVariables().values().stream()
                    .anyMatch(value -> value instanceof String text && text.length() > MAX_VARIABLE_LENGTH)) {
                throw ApiException.badRequest("dynamic_variables", "text values must be at most "
                        + MAX_VARIABLE_LENGTH + " characters");
            }
            var reserved = request.dynamicVariables().keySet().stream().filter(Attempt.RESERVED_VARIABLES::contains)
                    .sorted().toList();
            if (!reserved.isEmpty()) {
                throw ApiException.badRequest("dynamic_variables", "may not set " + reserved + ": the dialer sets "
                        + "these names itself to tie the provider's reports to the call");
            }
        }
        return idempotent.execute(tenantId, key, request, CallView.class, () -> {
            var row = singleCalls.call(tenantId, request.agentId(), request.phoneNumberId(), request.toNumber(),
                    request.dynamicVariables());
            var placed = CallView.of(row, transactions.execute(status -> compliance.ofCall(tenantId, row.id())));
            // an answer the provider lost: the call may exist, so it is being looked up, never placed again
            var status = "ambiguous".equals(placed.state()) ? HttpStatus.ACCEPTED : HttpStatus.CREATED;
            return ResponseEntity.status(status).body(placed);
        });
    }

    @GetMapping("/v1/tenants/{tenantId}/calls/{callId}")
    CallView get(@PathVariable UUID tenantId, @PathVariable UUID callId) {
        return transactions.execute(status -> calls.find(tenantId, callId)
                .map(row -> CallView.of(row, compliance.ofCall(tenantId, callId))))
                .orElseThrow(() -> ApiException.notFound("call", "No call " + callId));
    }

    @GetMapping("/v1/tenants/{tenantId}/campaigns/{campaignId}/calls")
    Page<CallView> ofCampaign(@PathVariable UUID tenantId, @PathVariable UUID campaignId,
                                       @RequestParam(defaultValue = "50") int limit,
                                       @RequestParam(defaultValue = "0") int offset) {
        var page = PageWindow.of(limit, offset, ApiException::badRequest);
        return transactions.execute(status -> {
            campaigns.find(campaignId).filter(c -> c.tenantId().equals(tenantId)).orElseThrow(
                    () -> ApiException.notFound("campaign", "No campaign " + campaignId + " for this tenant"));
            return new Page<>(calls.byCampaign(tenantId, campaignId, page.limit(), page.offset()).stream()
                    .map(CallView::of).toList(), page.limit(),
                    page.offset(), calls.countByCampaign(tenantId, campaignId));
        });
    }
}
