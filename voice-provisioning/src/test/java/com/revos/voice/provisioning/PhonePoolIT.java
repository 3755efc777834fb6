package com.revos.voice.provisioning;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtEncoder;

/** The operator's pool: buying numbers through Twilio (the SDK, host rewritten to WireMock) and listing them. */
@ProvisioningIntegrationTest
class PhonePoolIT {

    private static final String LOCAL = ProviderStubs.TWILIO + "/AvailablePhoneNumbers/US/Local.json";
    private static final String INCOMING = ProviderStubs.TWILIO + "/IncomingPhoneNumbers.json";

    @LocalServerPort
    int port;
    @Autowired
    JwtEncoder tokens;
    @Autowired
    CircuitBreakerRegistry breakers;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port, tokens);
        ProviderStubs.reset();
        breakers.circuitBreaker("twilio").reset();
    }

    @Test
    void the_operator_buys_local_numbers_into_the_pool_even_when_twilio_fails_once() {
        var first = TestNumbers.e164("415");
        var second = TestNumbers.e164("415");
        var firstSid = TestNumbers.sid();
        var secondSid = TestNumbers.sid();
        var wiremock = ProviderStubs.server();
        wiremock.stubFor(get(urlPathEqualTo(LOCAL)).withQueryParam("AreaCode", equalTo("415"))
                .willReturn(okJson(ProviderStubs.twilioPage("available_phone_numbers", "[" + available(first) + ","
                        + available(second) + "]"))));
        wiremock.stubFor(post(urlPathEqualTo(INCOMING)).withRequestBody(containing(form(first)))
                .inScenario("buy").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 20500, \"message\": \"Internal Server Error\", \"status\": 500}")));
        wiremock.stubFor(post(urlPathEqualTo(INCOMING)).withRequestBody(containing(form(first)))
                .inScenario("buy").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(ProviderStubs.twilioNumber(firstSid, first))));
        wiremock.stubFor(post(urlPathEqualTo(INCOMING)).withRequestBody(containing(form(second)))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(ProviderStubs.twilioNumber(secondSid, second))));

        var bought = api.post(api.operator(), "/v1/admin/phone-pool/purchase",
                "{\"country\": \"US\", \"area_code\": \"415\", \"count\": 2}");

        assertThat(bought.status()).as(bought.toString()).isEqualTo(201);
        assertThat(bought.<List<String>>json("$.items[*].e164")).containsExactly(first, second);
        assertThat(bought.<List<String>>json("$.items[*].twilio_sid")).containsExactly(firstSid, secondSid);
        assertThat(bought.<List<String>>json("$.items[*].area_code")).containsOnly("415");
        var basic = "Basic " + Base64.getEncoder().encodeToString((ProviderStubs.ACCOUNT_SID + ":"
                + ProviderStubs.TWILIO_TOKEN).getBytes(StandardCharsets.UTF_8));
        wiremock.verify(2, postRequestedFor(urlPathEqualTo(INCOMING)).withRequestBody(containing(form(first)))
                .withHeader("Authorization", equalTo(basic)));
        // the retry first checked whether the failed attempt had bought the number after all
        wiremock.verify(getRequestedFor(urlPathEqualTo(INCOMING)).withQueryParam("PhoneNumber", equalTo(first)));

        var pool = api.get(api.operator(), "/v1/admin/phone-pool?status=free&limit=500");
        assertThat(pool.<List<String>>json("$.items[?(@.purchased == true)].e164")).contains(first, second);
    }

    @Test
    void an_area_code_twilio_has_no_numbers_for_is_a_conflict() {
        ProviderStubs.server().stubFor(get(urlPathEqualTo(LOCAL)).withQueryParam("AreaCode", equalTo("999"))
                .willReturn(okJson(ProviderStubs.twilioPage("available_phone_numbers", "[]"))));

        var response = api.post(api.operator(), "/v1/admin/phone-pool/purchase",
                "{\"country\": \"US\", \"area_code\": \"999\", \"count\": 1}");

        assertThat(response.status()).isEqualTo(409);
    }

    @Test
    void the_pool_list_is_paginated() {
        var numbers = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            numbers.append(i == 0 ? "" : ",").append("{\"e164\": \"").append(TestNumbers.e164("206"))
                    .append("\", \"twilio_sid\": \"").append(TestNumbers.sid()).append("\"}");
        }
        api.post(api.operator(), "/v1/admin/phone-pool", "{\"numbers\": [" + numbers + "]}");

        var page = api.get(api.operator(), "/v1/admin/phone-pool?limit=2&offset=1");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.<List<Object>>json("$.items")).hasSize(2);
        assertThat(page.<Integer>json("$.limit")).isEqualTo(2);
        assertThat(page.<Integer>json("$.offset")).isEqualTo(1);
        assertThat(page.<Integer>json("$.total")).isGreaterThanOrEqualTo(3);
    }

    private static String available(String e164) {
        return "{\"phone_number\": \"" + e164 + "\", \"friendly_name\": \"" + e164 + "\", \"locality\": "
                + "\"San Francisco\", \"region\": \"CA\", \"iso_country\": \"US\", \"capabilities\": "
                + "{\"voice\": true, \"SMS\": true, \"MMS\": true}}";
    }

    private static String form(String e164) {
        return "PhoneNumber=" + java.net.URLEncoder.encode(e164, StandardCharsets.UTF_8);
    }
}
