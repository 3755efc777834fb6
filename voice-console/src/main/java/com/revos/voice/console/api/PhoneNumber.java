package com.revos.voice.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** A tenant's number, with the three steps it goes through: assigned, imported into ElevenLabs, agent attached. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PhoneNumber(String id, String e164, String country, String areaCode, String agentId,
                          String providerPhoneNumberId, Boolean purchased, Instant assignedAt, Instant importedAt,
                          Instant attachedAt) {

    public boolean imported() {
        return importedAt != null || providerPhoneNumberId != null;
    }

    public boolean attached() {
        return agentId != null;
    }

    /** The next thing to do with it, in words. */
    public String state() {
        if (attached()) {
            return "ready: agent attached";
        }
        return imported() ? "imported: attach an agent" : "assigned: import it into ElevenLabs";
    }
}
