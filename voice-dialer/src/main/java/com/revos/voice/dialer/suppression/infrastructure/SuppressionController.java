package com.revos.voice.dialer.suppression.infrastructure;

import com.revos.voice.values.E164;
import com.revos.voice.values.PageWindow;
import com.revos.voice.values.Page;
import com.revos.voice.service.ApiException;
import com.revos.voice.service.IdempotentRequests;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.jspecify.annotations.Nullable;

/** {@code /v1/tenants/{tenantId}/suppressions}: the tenant's do-not-call list, checked again at dial time. */
@RestController
@RequestMapping("/v1/tenants/{tenantId}/suppressions")
class SuppressionController {

    private final Suppressions suppressions;
    private final TransactionTemplate transactions;
    private final IdempotentRequests idempotent;

    SuppressionController(Suppressions suppressions, TransactionTemplate transactions, IdempotentRequests idempotent) {
        this.suppressions = suppressions;
        this.transactions = transactions;
        this.idempotent = idempotent;
    }

    record AddSuppression(@NotBlank @Size(max = 32) String phone, @Size(max = 200) @Nullable String reason) {
    }

    /** A number on the list, as the API shows it ({@code call_id} when an opt-out said on a call put it there). */
    record SuppressionView(String phone, @Nullable String reason, String source, @Nullable UUID callId,
                           @Nullable Instant createdAt) {

        static SuppressionView of(Suppressions.Entry entry) {
            return new SuppressionView(entry.phone(), entry.reason(), entry.source(), entry.callId(),
                    entry.createdAt());
        }
    }

    @PostMapping
    ResponseEntity<SuppressionView> add(@PathVariable UUID tenantId,
                                           @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                           @Valid @RequestBody AddSuppression request) {
        var phone = E164.normalize(request.phone()).map(E164::value)
                .orElseThrow(() -> ApiException.badRequest("phone", "is not a valid E.164 number"));
        return idempotent.execute(tenantId, key, request, SuppressionView.class, () -> {
            var created = Boolean.TRUE.equals(
                    transactions.execute(status -> suppressions.add(tenantId, phone, request.reason())));
            return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                    .body(new SuppressionView(phone, request.reason(), "api", null, null));
        });
    }

    @GetMapping
    Page<SuppressionView> list(@PathVariable UUID tenantId, @RequestParam(defaultValue = "50") int limit,
                               @RequestParam(defaultValue = "0") int offset) {
        var page = PageWindow.of(limit, offset, ApiException::badRequest);
        return transactions.execute(status -> new Page<>(suppressions.list(tenantId, page.limit(), page.offset()),
                page.limit(), page.offset(), suppressions.count(tenantId)).map(SuppressionView::of));
    }

    /** {@code DELETE ...?phone=+1...} ("+" must be URL-encoded as %2B). */
    @DeleteMapping
    ResponseEntity<Void> remove(@PathVariable UUID tenantId, @RequestParam @Size(max = 32) String phone,
                                @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        var normalized = E164.normalize(phone).map(E164::value).orElse(phone.strip());
        // the path of a removal is the same for every number: the number is what the key must not be reused with
        return idempotent.execute(tenantId, key, java.util.Map.of("phone", normalized), Void.class, () -> {
            if (!Boolean.TRUE.equals(transactions.execute(status -> suppressions.remove(tenantId, normalized)))) {
                throw ApiException.notFound("suppression", normalized + " is not on this tenant's suppression list");
            }
            return ResponseEntity.noContent().build();
        });
    }
}
