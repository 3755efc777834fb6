package com.revos.voice.dialer.compliance.application;

import com.revos.voice.dialer.compliance.model.SettingsChange;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Where each tenant's own compliance settings are kept. */
public interface SettingsStore {

    /** The tenant's settings as it last set them, who set them and when; empty when it never did. */
    record Stored(SettingsChange settings, Instant updatedAt, String updatedBy) {
    }

    Optional<Stored> find(UUID tenantId);

    /** Replaces the tenant's settings, in the caller's transaction. */
    void save(UUID tenantId, SettingsChange settings, Instant at, String by);
}
