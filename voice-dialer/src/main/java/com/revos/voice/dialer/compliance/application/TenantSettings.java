package com.revos.voice.dialer.compliance.application;

import com.revos.voice.dialer.compliance.model.DialFacts;
import java.util.UUID;

/** Each tenant's compliance settings: calls per person per 24 h, written consent for marketing. */
public interface TenantSettings {

    DialFacts.TenantRules rules(UUID tenantId);
}
