package com.revos.voice.provisioning.phonenumber.infrastructure;

import org.jspecify.annotations.Nullable;
import com.revos.voice.values.Page;
import com.revos.voice.provisioning.common.application.ProvisioningException;
import com.revos.voice.values.PageWindow;
import com.revos.voice.provisioning.phonenumber.application.NumberAssignment;
import com.revos.voice.provisioning.phonenumber.model.TenantNumber;
import com.revos.voice.service.IdempotentRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/tenants/{tenantId}/phone-numbers")
@Tag(name = "Phone numbers", description = "A tenant's numbers: assigned from the pool, imported, attached")
class PhoneNumberController {

    private final NumberAssignment assignment;
    private final IdempotentRequests idempotency;

    PhoneNumberController(NumberAssignment assignment, IdempotentRequests idempotency) {
        this.assignment = assignment;
        this.idempotency = idempotency;
    }

    @PostMapping
    @Operation(summary = "Assign a free pool number to the tenant (409 when none fits; honours Idempotency-Key)")
    ResponseEntity<NumberView> assign(@PathVariable UUID tenantId,
                                      @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                      @Valid @RequestBody(required = false) AssignNumber request) {
        var filters = request == null ? new AssignNumber(null, null) : request;
        return idempotency.execute(tenantId, key, filters, NumberView.class, () -> ResponseEntity
                .status(HttpStatus.CREATED)
                .body(NumberView.of(assignment.assign(tenantId, filters.country(), filters.areaCode()))));
    }

    @GetMapping
    @Operation(summary = "The tenant's numbers, oldest assignment first")
    Page<NumberView> list(@PathVariable UUID tenantId, @RequestParam(required = false) Integer limit,
                          @RequestParam(required = false) Integer offset) {
        var window = PageWindow.of(limit, offset, ProvisioningException::invalid);
        return assignment.list(tenantId, window).map(NumberView::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One number of the tenant")
    NumberView get(@PathVariable UUID tenantId, @PathVariable UUID id) {
        return NumberView.of(assignment.get(tenantId, id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Release the number back to the pool (and remove it from ElevenLabs)")
    ResponseEntity<Void> release(@PathVariable UUID tenantId, @PathVariable UUID id) {
        assignment.release(tenantId, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/import")
    @Operation(summary = "Import the number into ElevenLabs (honours Idempotency-Key; repeating it changes nothing)")
    ResponseEntity<NumberView> importNumber(@PathVariable UUID tenantId, @PathVariable UUID id,
                                            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return idempotency.execute(tenantId, key, Map.of("import", id), NumberView.class,
                () -> ResponseEntity.ok(NumberView.of(assignment.importNumber(tenantId, id))));
    }

    @PutMapping("/{id}/agent")
    @Operation(summary = "Attach one of the tenant's agents to the imported number")
    NumberView attach(@PathVariable UUID tenantId, @PathVariable UUID id, @Valid @RequestBody AttachAgent request) {
        return NumberView.of(assignment.attach(tenantId, id, request.agentId()));
    }

    record AssignNumber(
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 country code such as US")
            @Nullable String country,
            @Pattern(regexp = "[0-9]{2,5}", message = "must be 2 to 5 digits") @Nullable String areaCode) {
    }

    record AttachAgent(@NotNull UUID agentId) {
    }

    record NumberView(UUID id, UUID tenantId, String e164, @Nullable String country, @Nullable String areaCode,
                      boolean purchased, @Nullable String providerPhoneNumberId, @Nullable UUID agentId,
                      Instant assignedAt, @Nullable Instant importedAt, @Nullable Instant attachedAt) {

        static NumberView of(TenantNumber n) {
            return new NumberView(n.id(), n.tenantId(), n.e164(), n.country(), n.areaCode(), n.purchased(),
                    n.providerPhoneNumberId(), n.agentId(), n.assignedAt(), n.importedAt(), n.attachedAt());
        }
    }
}
