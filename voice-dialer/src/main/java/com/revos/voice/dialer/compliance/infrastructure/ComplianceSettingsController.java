package com.revos.voice.dialer.compliance.infrastructure;

import com.revos.voice.dialer.compliance.application.ComplianceSettings;
import com.revos.voice.dialer.compliance.model.DialFacts;
import com.revos.voice.dialer.compliance.model.SettingsChange;
import com.revos.voice.service.ApiException;
import com.revos.voice.service.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/tenants/{tenantId}/compliance-settings}: the tenant's own calls per person per 24 h and whether its
 * marketing campaigns need written consent. {@code PUT} replaces them (a field left out returns to the operator's
 * value); a tenant may tighten the operator's values, not loosen them (422 naming the field).
 */
@RestController
@RequestMapping("/v1/tenants/{tenantId}/compliance-settings")
class ComplianceSettingsController {

    /** The most any operator's configuration could make sensible; the operator's own value bounds it further. */
    private static final int MOST_CALLS_PER_24H = 1000;

    private final ComplianceSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ComplianceSettingsController(ComplianceSettings settings, TransactionTemplate transactions, Clock clock) {
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    record ChangeSettings(@Min(1) @Max(MOST_CALLS_PER_24H) @Nullable Integer callsPer24h,
                          @Nullable Boolean writtenConsentForMarketing) {
    }

    record Rules(int callsPer24h, boolean writtenConsentForMarketing) {

        static Rules of(DialFacts.TenantRules rules) {
            return new Rules(rules.callsPer24h(), rules.writtenConsentForMarketing());
        }
    }

    /**
     * What applies now, what the operator configured (the defaults and the loosest a tenant may set), and what the
     * tenant set itself, when and by whom (absent when it never did).
     */
    record SettingsView(UUID tenantId, int callsPer24h, boolean writtenConsentForMarketing, Rules defaults,
                        @Nullable Integer ownCallsPer24h, @Nullable Boolean ownWrittenConsentForMarketing,
                        @Nullable Instant updatedAt, @Nullable String updatedBy) {

        static SettingsView of(UUID tenantId, ComplianceSettings.View view) {
            var own = view.own();
            return new SettingsView(tenantId, view.applied().callsPer24h(),
                    view.applied().writtenConsentForMarketing(), Rules.of(view.defaults()),
                    own.map(o -> o.settings().callsPer24h()).orElse(null),
                    own.map(o -> o.settings().writtenConsentForMarketing()).orElse(null),
                    own.map(o -> o.updatedAt()).orElse(null), own.map(o -> o.updatedBy()).orElse(null));
        }
    }

    @GetMapping
    SettingsView showComplianceSettings(@PathVariable UUID tenantId) {
        return SettingsView.of(tenantId, transactions.execute(status -> settings.view(tenantId)));
    }

    @PutMapping
    SettingsView replaceComplianceSettings(@PathVariable UUID tenantId,
                                           @Valid @RequestBody ChangeSettings request) {
        var change = new SettingsChange(request.callsPer24h(), request.writtenConsentForMarketing());
        var by = Caller.current().subject();
        try {
            return SettingsView.of(tenantId, transactions.execute(status ->
                    settings.change(tenantId, change, clock.instant(), by)));
        } catch (ComplianceSettings.Refused refused) {
            var errors = refused.violations().stream()
                    .map(v -> new ApiException.FieldError(v.field(), v.reason())).toList();
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Setting not allowed",
                    errors.getFirst().field() + ": " + errors.getFirst().reason(), errors, null);
        }
    }
}
