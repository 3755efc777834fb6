package com.revos.voice.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

@JsonIgnoreProperties(ignoreUnknown = true)
public record Suppression(String phone, String reason, Instant createdAt) {
}
