package com.revos.voice.provisioning.phonenumber.infrastructure;

import com.revos.voice.values.Page;
import com.revos.voice.values.PageWindow;
import com.revos.voice.provisioning.common.application.ProvisioningException;
import com.revos.voice.provisioning.phonenumber.application.PhonePool;
import com.revos.voice.provisioning.phonenumber.model.PoolNumber;
import com.revos.voice.service.IdempotentRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operator only ({@code /v1/admin/**} needs the operator role): tenants never see the pool. */
@RestController
@RequestMapping("/v1/admin/phone-pool")
@Tag(name = "Phone pool (operator)", description = "The master Twilio number pool")
class PhonePoolController {

    /** Idempotency keys are scoped per tenant; the operator's pool calls share this scope. */
    private static final UUID OPERATOR_SCOPE = new UUID(0, 0);

    private final PhonePool pool;
    private final IdempotentRequests idempotency;

    PhonePoolController(PhonePool pool, IdempotentRequests idempotency) {
        this.pool = pool;
        this.idempotency = idempotency;
    }

    @PostMapping
    @Operation(summary = "Add numbers the operator owns at Twilio to the pool (all or none; honours Idempotency-Key)")
    ResponseEntity<PoolNumbers> add(@RequestHeader(name = "Idempotency-Key", required = false) String key,
                                    @Valid @RequestBody AddNumbers request) {
        return idempotency.execute(OPERATOR_SCOPE, key, request, PoolNumbers.class, () -> {
            var added = pool.add(request.numbers().stream()
                    .map(n -> new PhonePool.NewNumber(n.e164(), n.twilioSid())).toList());
            return ResponseEntity.status(HttpStatus.CREATED).body(PoolNumbers.of(added));
        });
    }

    @GetMapping
    @Operation(summary = "The pool with each number's status (free or assigned), oldest first")
    Page<PoolNumberView> list(@RequestParam(required = false)
                              @Parameter(schema = @Schema(allowableValues = {"free", "assigned"})) String status,
                              @RequestParam(required = false) Integer limit,
                              @RequestParam(required = false) Integer offset) {
        var window = PageWindow.of(limit, offset, ProvisioningException::invalid);
        return pool.list(status(status), window).map(PoolNumberView::of);
    }

    @PostMapping("/purchase")
    @Operation(summary = "Buy local numbers from Twilio into the pool (honours Idempotency-Key)")
    ResponseEntity<PoolNumbers> purchase(@RequestHeader(name = "Idempotency-Key", required = false) String key,
                                         @Valid @RequestBody Purchase request) {
        return idempotency.execute(OPERATOR_SCOPE, key, request, PoolNumbers.class, () -> ResponseEntity
                .status(HttpStatus.CREATED)
                .body(PoolNumbers.of(pool.purchase(request.country(), request.areaCode(), request.count()))));
    }

    private static PoolNumber.@Nullable Status status(@Nullable String status) {
        if (status == null) {
            return null;
        }
        try {
            return PoolNumber.Status.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProvisioningException.invalid("status", "must be free or assigned");
        }
    }

    record AddNumbers(@NotEmpty @Size(max = 500) List<@Valid @NotNull NewPoolNumber> numbers) {
    }

    /** Checked in depth (E.164 validity, SID format) by the pool, which names each bad entry. */
    record NewPoolNumber(@NotBlank @Size(max = 16) String e164, @NotBlank @Size(max = 34) String twilioSid) {
    }

    record Purchase(
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 country code such as US")
            String country,
            @Pattern(regexp = "[0-9]{3}", message = "must be 3 digits") String areaCode,
            @NotNull @Min(1) @Max(20) Integer count) {
    }

    record PoolNumbers(List<PoolNumberView> items) {
        static PoolNumbers of(List<PoolNumber> numbers) {
            return new PoolNumbers(numbers.stream().map(PoolNumberView::of).toList());
        }
    }

    record PoolNumberView(UUID id, String e164, String twilioSid, @Nullable String country, @Nullable String areaCode,
                          String status, @Nullable UUID tenantId, boolean purchased, Instant addedAt,
                          @Nullable Instant assignedAt) {

        static PoolNumberView of(PoolNumber n) {
            return new PoolNumberView(n.id(), n.e164(), n.twilioSid(), n.country(), n.areaCode(),
                    n.status().name().toLowerCase(Locale.ROOT), n.tenantId(), n.purchased(), n.addedAt(),
                    n.assignedAt());
        }
    }
}
