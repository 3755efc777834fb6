package com.revos.voice.provisioning;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.revos.voice.provisioning.provider.application.OutboundCall;
import com.revos.voice.provisioning.provider.application.ProviderException;
import com.revos.voice.provisioning.provider.application.VoiceAgentPlatform;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The platform operations the dialer will use: an outbound call and a conversation's details (sections 3, 7). */
@ProvisioningIntegrationTest
class VoiceAgentPlatformIT {

    @Autowired
    VoiceAgentPlatform platform;
    @Autowired
    CircuitBreakerRegistry breakers;

    @BeforeEach
    void setUp() {
        ProviderStubs.reset();
        breakers.circuitBreaker("elevenlabs").reset();
    }

    @Test
    void an_outbound_call_carries_the_dynamic_variables_and_returns_both_ids() {
        ProviderStubs.server().stubFor(post(urlPathEqualTo("/v1/convai/twilio/outbound-call")).willReturn(okJson("""
                {"success": true, "message": "Call initiated", "conversation_id": "conv_1", "callSid": "CA123"}""")));

        var placed = platform.placeOutboundCall(new OutboundCall("agent_1", "phnum_1", "+14155551234",
                Map.of("call_id", "c-1", "contact_name", "Ann")));

        assertThat(placed.accepted()).isTrue();
        assertThat(placed.conversationId()).isEqualTo("conv_1");
        assertThat(placed.carrierCallId()).isEqualTo("CA123");
        ProviderStubs.server().verify(postRequestedFor(urlPathEqualTo("/v1/convai/twilio/outbound-call"))
                .withRequestBody(matchingJsonPath("$.agent_phone_number_id", equalTo("phnum_1")))
                .withRequestBody(matchingJsonPath("$.conversation_initiation_client_data.dynamic_variables.call_id",
                        equalTo("c-1"))));
    }

    @Test
    void a_failed_outbound_call_is_not_repeated() {
        ProviderStubs.server().stubFor(post(urlPathEqualTo("/v1/convai/twilio/outbound-call"))
                .willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> platform.placeOutboundCall(new OutboundCall("agent_1", "phnum_1", "+14155551234",
                Map.of()))).isInstanceOf(ProviderException.class);
        ProviderStubs.server().verify(1, postRequestedFor(urlPathEqualTo("/v1/convai/twilio/outbound-call")));
    }

    @Test
    void a_conversation_reports_its_status_and_analysis() {
        ProviderStubs.server().stubFor(get(urlPathEqualTo("/v1/convai/conversations/conv_1")).willReturn(okJson("""
                {"agent_id": "agent_1", "conversation_id": "conv_1", "status": "done",
                 "metadata": {"start_time_unix_secs": 1700000000, "call_duration_secs": 42},
                 "analysis": {"call_successful": "success",
                              "data_collection_results": {"qualified": {"value": true}}}}""")));

        var conversation = platform.fetchConversation("conv_1");

        assertThat(conversation.terminal()).isTrue();
        assertThat(conversation.durationSecs()).isEqualTo(42);
        assertThat(conversation.analysis()).containsKey("data_collection_results");
    }
}
