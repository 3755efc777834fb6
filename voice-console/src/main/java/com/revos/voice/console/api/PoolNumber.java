package com.revos.voice.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

@JsonIgnoreProperties(ignoreUnknown = true)
public record PoolNumber(String id, String e164, String twilioSid, String country, String areaCode, String status,
                         String tenantId, Boolean purchased, Instant addedAt, Instant assignedAt) {
}
