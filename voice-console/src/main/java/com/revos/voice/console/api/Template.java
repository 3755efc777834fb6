package com.revos.voice.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A catalog template: its name says the use case. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Template(String id, String name, String description, String voiceId, String language,
                       String firstMessage, String prompt, String llm) {
}
