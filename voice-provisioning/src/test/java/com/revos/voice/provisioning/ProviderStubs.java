package com.revos.voice.provisioning;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * One WireMock server for the test JVM, playing ElevenLabs and Twilio as provider-apis.md describes them. Default
 * stubs answer the happy path; fault tests add higher-priority stubs and {@link #reset()} afterwards.
 */
public final class ProviderStubs {

    public static final String ACCOUNT_SID = "AC00000000000000000000000000000000";
    public static final String TWILIO = "/2010-04-01/Accounts/" + ACCOUNT_SID;
    public static final String ELEVENLABS_KEY = "test-elevenlabs-key";
    public static final String TWILIO_TOKEN = "test-twilio-token";

    private static WireMockServer server;

    private ProviderStubs() {
    }

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                    .containerThreads(20).extensions(new AgentsCreatedSoFar()));
            server.start();
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(server::stop));
            reset();
        }
        return server;
    }

    /** Back to the happy-path stubs, with an empty request journal. */
    public static void reset() {
        var wiremock = server();
        wiremock.resetAll();
        wiremock.stubFor(post(urlPathEqualTo("/v1/convai/agents/create"))
                .willReturn(okJson("{\"agent_id\": \"agent_{{randomValue length=20 type='ALPHANUMERIC'}}\"}")
                        .withTransformers("response-template")));
        wiremock.stubFor(get(urlPathEqualTo("/v1/convai/agents"))
                .willReturn(okJson("{\"agents\": [], \"has_more\": false, \"next_cursor\": null}")));
        wiremock.stubFor(delete(urlPathMatching("/v1/convai/agents/[^/]+")).willReturn(aResponse().withStatus(200)));
        wiremock.stubFor(post(urlPathEqualTo("/v1/convai/phone-numbers"))
                .willReturn(okJson("{\"phone_number_id\": \"phnum_{{randomValue length=20 type='ALPHANUMERIC'}}\"}")
                        .withTransformers("response-template")));
        wiremock.stubFor(get(urlPathEqualTo("/v1/convai/phone-numbers")).willReturn(okJson("[]")));
        wiremock.stubFor(patch(urlPathMatching("/v1/convai/phone-numbers/[^/]+")).willReturn(okJson(
                "{\"phone_number_id\": \"phnum_x\", \"provider\": \"twilio\"}")));
        wiremock.stubFor(delete(urlPathMatching("/v1/convai/phone-numbers/[^/]+"))
                .willReturn(aResponse().withStatus(200)));
        wiremock.stubFor(get(urlPathEqualTo(TWILIO + "/IncomingPhoneNumbers.json"))
                .willReturn(okJson(twilioPage("incoming_phone_numbers", "[]"))));
    }

    public static String baseUrl() {
        return server().baseUrl();
    }

    /** A Twilio list page in the shape the SDK reads. */
    public static String twilioPage(String key, String itemsJson) {
        return "{\"" + key + "\": " + itemsJson + ", \"end\": 0, \"first_page_uri\": \"/x\", \"next_page_uri\": null, "
                + "\"page\": 0, \"page_size\": 50, \"previous_page_uri\": null, \"start\": 0, \"uri\": \"/x\"}";
    }

    public static String twilioNumber(String sid, String e164) {
        return "{\"sid\": \"" + sid + "\", \"account_sid\": \"" + ACCOUNT_SID + "\", \"phone_number\": \"" + e164
                + "\", \"friendly_name\": \"revos-pool\", \"capabilities\": {\"voice\": true, \"sms\": true}}";
    }

    /**
     * ElevenLabs' agent list as it would look after the creates the server has seen: each created agent is listed
     * with the tags it was created with. Lets a test check that a retry finds the agent a timed-out create made.
     */
    public static final class AgentsCreatedSoFar implements ResponseDefinitionTransformerV2 {

        public static final String NAME = "agents-created-so-far";

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            var agents = new ArrayList<Map<String, Object>>();
            for (var event : server.getAllServeEvents()) {
                var request = event.getRequest();
                if (request.getUrl().startsWith("/v1/convai/agents/create")) {
                    List<String> tags = JsonPath.read(request.getBodyAsString(), "$.tags");
                    agents.add(Map.of("agent_id", "agent_created_before_timeout",
                            "name", JsonPath.read(request.getBodyAsString(), "$.name"), "tags", tags));
                }
            }
            var body = new StringBuilder("{\"agents\": [");
            for (int i = 0; i < agents.size(); i++) {
                var agent = agents.get(i);
                body.append(i == 0 ? "" : ",").append("{\"agent_id\": \"").append(agent.get("agent_id"))
                        .append("\", \"name\": \"").append(agent.get("name")).append("\", \"tags\": [");
                @SuppressWarnings("unchecked")
                var tags = (List<String>) agent.get("tags");
                for (int t = 0; t < tags.size(); t++) {
                    body.append(t == 0 ? "" : ",").append('"').append(tags.get(t)).append('"');
                }
                body.append("]}");
            }
            body.append("], \"has_more\": false}");
            return ResponseDefinition.okForJson(com.github.tomakehurst.wiremock.common.Json.read(body.toString(),
                    Object.class));
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }

    /** Points the providers' base URLs at the stub server (part of the context cache key: one context). */
    public static final class PropertiesFactory implements ContextCustomizerFactory {
        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                         List<ContextConfigurationAttributes> configAttributes) {
            return new StubProperties();
        }
    }

    record StubProperties() implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("provider-stubs", Map.of(
                    "revos.providers.elevenlabs.base-url", baseUrl(),
                    "revos.providers.elevenlabs.api-key", ELEVENLABS_KEY,
                    "revos.providers.twilio.base-url", baseUrl(),
                    "revos.providers.twilio.account-sid", ACCOUNT_SID,
                    "revos.providers.twilio.auth-token", TWILIO_TOKEN)));
        }
    }
}
