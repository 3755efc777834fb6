package com.revos.voice.dialer.compliance.infrastructure;

import com.revos.voice.dialer.compliance.application.TenantSettings;
import com.revos.voice.dialer.compliance.model.DialFacts;
import java.util.UUID;

/** Tenants' compliance settings from configuration ({@code revos.dialer.compliance.tenants.<id>.*}). */
final class ConfiguredTenantSettings implements TenantSettings {

    private final ComplianceProperties properties;

    ConfiguredTenantSettings(ComplianceProperties properties) {
        this.properties = properties;
    }

    @Override
    public DialFacts.TenantRules rules(UUID tenantId) {
        var own = properties.tenants().get(tenantId);
        var cap = own != null && own.callsPer24h() != null ? own.callsPer24h() : properties.callsPer24h();
        var written = own != null && own.writtenConsentForMarketing() != null ? own.writtenConsentForMarketing()
                : properties.writtenConsentForMarketing();
        return new DialFacts.TenantRules(cap, written);
    }
}
