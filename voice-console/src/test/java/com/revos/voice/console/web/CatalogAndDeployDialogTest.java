package com.revos.voice.console.web;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.revos.voice.console.ConsoleSliceTest;
import com.revos.voice.console.ServicesStub;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

class CatalogAndDeployDialogTest extends ConsoleSliceTest {

    static final String TEMPLATES = """
            {"items":[
              {"id":"sales-qualification","name":"Sales qualification","description":"Qualifies inbound leads",
               "voice_id":"voice-a","language":"en","first_message":"Hi!","prompt":"Qualify","llm":"x","extra":1},
              {"id":"appointment-setting","name":"Appointment setting","description":"Books meetings",
               "voice_id":"voice-b","language":"en"},
              {"id":"lead-reengagement","name":"Lead re-engagement","description":"Wakes old leads"},
              {"id":"customer-survey","name":"Customer survey","description":"Asks three questions","language":"es"}
            ],"limit":100,"offset":0,"total":4}""";

    @Test
    void the_catalog_shows_each_template_as_a_card_with_use_case_description_voice_and_language() throws Exception {
        ServicesStub.server().stubFor(get(urlPathEqualTo("/v1/templates")).willReturn(ServicesStub.json(TEMPLATES)));
        var html = mvc.perform(MockMvcRequestBuilders.get("/catalog").session(tenantUser()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var cards = Jsoup.parse(html).select("article[data-template]");
        assertThat(cards).hasSize(4);
        assertThat(cards.first().text()).contains("Sales qualification", "Qualifies inbound leads", "voice-a", "en");
        assertThat(cards.get(2).text()).as("absent fields read as a dash").contains("Lead re-engagement", "—");
        ServicesStub.server().verify(com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(urlPathEqualTo("/v1/templates"))
                .withHeader("Authorization", equalTo("Bearer " + tenantToken())));
    }

    @Test
    void the_deploy_dialog_is_prefilled_from_the_template() throws Exception {
        ServicesStub.server().stubFor(get(urlPathEqualTo("/v1/templates/sales-qualification")).willReturn(
                ServicesStub.json("{\"id\":\"sales-qualification\",\"name\":\"Sales qualification\","
                        + "\"first_message\":\"Hi!\",\"prompt\":\"Qualify\",\"voice_id\":\"voice-a\",\"language\":\"en\"}")));
        var html = mvc.perform(MockMvcRequestBuilders.get("/catalog/sales-qualification/deploy")
                        .header("HX-Request", "true").session(tenantUser()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var dialog = Jsoup.parse(html).selectFirst("dialog#deploy-dialog");
        assertThat(dialog).isNotNull();
        assertThat(dialog.select("#voice_id").val()).isEqualTo("voice-a");
        assertThat(dialog.select("#first_message").val()).isEqualTo("Hi!");
        assertThat(dialog.select("label[for=prompt]")).hasSize(1);
        assertThat(dialog.select("input[name=_csrf]")).hasSize(1);
    }

    @Test
    void deploying_sends_the_overrides_and_opens_the_new_agent() throws Exception {
        ServicesStub.server().stubFor(post(urlPathEqualTo("/v1/tenants/" + TENANT + "/agents")).willReturn(
                ServicesStub.json("{\"id\":\"a-1\",\"name\":\"My SDR\",\"template_id\":\"sales-qualification\"}")));
        mvc.perform(MockMvcRequestBuilders.post("/catalog/sales-qualification/deploy").header("HX-Request", "true")
                        .session(tenantUser()).with(csrf()).param("name", "My SDR").param("first_message", "Hello")
                        .param("prompt", "").param("voice_id", "voice-z").param("language", "pt-BR")
                        .param("idempotency_key", "k-1"))
                .andExpect(status().isOk()).andExpect(header().string("HX-Redirect", "/agents/a-1?deployed"));
        ServicesStub.server().verify(postRequestedFor(urlPathEqualTo("/v1/tenants/" + TENANT + "/agents"))
                .withHeader("Idempotency-Key", equalTo("k-1"))
                .withRequestBody(equalToJson("""
                        {"template_id":"sales-qualification","name":"My SDR",
                         "overrides":{"first_message":"Hello","voice_id":"voice-z","language":"pt-BR"}}""")));
    }

    @Test
    void the_apis_field_errors_are_shown_next_to_their_fields_in_the_dialog() throws Exception {
        ServicesStub.server().stubFor(post(urlPathEqualTo("/v1/tenants/" + TENANT + "/agents")).willReturn(
                ServicesStub.problem(400, """
                        {"type":"https://docs.revos.io/voice/problems/400","title":"Invalid request","status":400,
                         "detail":"2 field(s) are invalid","errors":[
                           {"field":"overrides.voice_id","reason":"must be a voice id"},
                           {"field":"name","reason":"size must be between 1 and 100"}]}""")));
        var html = mvc.perform(MockMvcRequestBuilders.post("/catalog/sales-qualification/deploy")
                        .header("HX-Request", "true").session(tenantUser()).with(csrf())
                        .param("template_name", "Sales qualification").param("name", "x".repeat(150))
                        .param("voice_id", "not a voice!"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var page = Jsoup.parse(html);
        assertThat(page.select("#voice_id-error").text()).isEqualTo("must be a voice id");
        assertThat(page.select("#voice_id").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#voice_id").attr("aria-describedby")).isEqualTo("voice_id-error");
        assertThat(page.select("#name-error").text()).isEqualTo("size must be between 1 and 100");
        assertThat(page.select("#voice_id").val()).as("what was typed is kept").isEqualTo("not a voice!");
        assertThat(page.select("#deploy-problem").text()).contains("2 field(s) are invalid");
    }

    @Test
    void without_javascript_the_dialog_is_a_page_and_errors_answer_422() throws Exception {
        ServicesStub.server().stubFor(post(urlPathEqualTo("/v1/tenants/" + TENANT + "/agents")).willReturn(
                ServicesStub.problem(400, "{\"title\":\"Invalid request\",\"status\":400,\"errors\":["
                        + "{\"field\":\"overrides.language\",\"reason\":\"must be a language code such as en or pt-BR\"}]}")));
        var html = mvc.perform(MockMvcRequestBuilders.post("/catalog/sales-qualification/deploy")
                        .session(tenantUser()).with(csrf()).param("language", "english"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).select("#language-error").text()).contains("language code");
    }
}
