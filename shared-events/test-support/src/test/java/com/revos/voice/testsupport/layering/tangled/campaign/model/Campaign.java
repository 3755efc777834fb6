package com.revos.voice.testsupport.layering.tangled.campaign.model;

/** A model that parses JSON: what the aggregate rules forbid. */
public record Campaign(String name) {

    static Campaign parse(String json) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Campaign.class);
    }
}
