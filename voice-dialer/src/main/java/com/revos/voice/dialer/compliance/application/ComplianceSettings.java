package com.revos.voice.dialer.compliance.application;

import com.revos.voice.dialer.compliance.model.DialFacts;
import com.revos.voice.dialer.compliance.model.SettingsChange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Each tenant's compliance settings: what it set for itself (kept in the {@link SettingsStore}) within what the
 * operator configured, the operator's values where it set nothing. The dial decision and the upload read the rules
 * from here, so a change applies from the next dial on.
 */
public class ComplianceSettings implements TenantSettings {

    private final TenantSettings operator;
    private final SettingsStore store;

    public ComplianceSettings(TenantSettings operator, SettingsStore store) {
        this.operator = operator;
        this.store = store;
    }

    /** The settings as a tenant sees them: those that apply, the operator's defaults, and its own if any. */
    public record View(DialFacts.TenantRules applied, DialFacts.TenantRules defaults,
                       Optional<SettingsStore.Stored> own) {
    }

    /** Settings the operator's rules do not allow this tenant, each with its field and reason. */
    public static final class Refused extends RuntimeException {

        private final List<SettingsChange.Violation> violations;

        Refused(List<SettingsChange.Violation> violations) {
            super(violations.size() + " setting(s) not allowed");
            this.violations = List.copyOf(violations);
        }

        public List<SettingsChange.Violation> violations() {
            return violations;
        }
    }

    @Override
    public DialFacts.TenantRules rules(UUID tenantId) {
        var defaults = operator.rules(tenantId);
        return store.find(tenantId).map(own -> own.settings().applyTo(defaults)).orElse(defaults);
    }

    /** In the caller's (tenant) transaction. */
    public View view(UUID tenantId) {
        var defaults = operator.rules(tenantId);
        var own = store.find(tenantId);
        return new View(own.map(o -> o.settings().applyTo(defaults)).orElse(defaults), defaults, own);
    }

    /** Replaces the tenant's settings (unset ones return to the operator's), in the caller's transaction. */
    public View change(UUID tenantId, SettingsChange settings, Instant at, String by) {
        var violations = settings.violations(operator.rules(tenantId));
        if (!violations.isEmpty()) {
            throw new Refused(violations);
        }
        store.save(tenantId, settings, at, by);
        return view(tenantId);
    }
}
