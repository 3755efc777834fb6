package com.revos.voice.console.web;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.revos.voice.console.ConsoleSliceTest;
import com.revos.voice.console.ServicesStub;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

class CampaignPagesTest extends ConsoleSliceTest {

    static final String CAMPAIGNS = "/v1/tenants/" + TENANT + "/campaigns";
    static final String RUNNING = """
            {"id":"c-1","name":"Spring push","agent_id":"a-1","phone_number_id":"n-1","status":"running",
             "calling_window":{"start_hour":9,"end_hour":17,"days":["MONDAY","TUESDAY"]},
             "pacing":{"calls_per_second":2.0,"max_concurrent":5},
             "progress":{"total":10,"pending":4,"in_flight":2,"done":4,"exhausted":0,"suppressed":0,"cancelled":0},
             "live_metrics":{"something":"newer"}}""";

    @BeforeEach
    void agentsAndNumbers() {
        ServicesStub.server().stubFor(get(urlPathEqualTo("/v1/tenants/" + TENANT + "/agents")).willReturn(
                ServicesStub.json("{\"items\":[{\"id\":\"a-1\",\"name\":\"My SDR\"}],\"total\":1}")));
        ServicesStub.server().stubFor(get(urlPathEqualTo("/v1/tenants/" + TENANT + "/phone-numbers")).willReturn(
                ServicesStub.json("{\"items\":[{\"id\":\"n-1\",\"e164\":\"+14155550100\",\"agent_id\":\"a-1\","
                        + "\"provider_phone_number_id\":\"p\"}],\"total\":1}")));
    }

    @Test
    void the_list_shows_status_and_progress_and_an_empty_list_says_what_to_do() throws Exception {
        ServicesStub.server().stubFor(get(urlPathEqualTo(CAMPAIGNS)).willReturn(ServicesStub.json(
                "{\"items\":[" + RUNNING + "],\"total\":1}")));
        var html = page("/campaigns");
        assertThat(html.select("#campaigns tbody tr")).hasSize(1);
        assertThat(html.select("#campaigns progress").attr("value")).isEqualTo("40");
        assertThat(html.select("#campaigns .status").text()).isEqualTo("running");

        ServicesStub.server().stubFor(get(urlPathEqualTo(CAMPAIGNS)).willReturn(ServicesStub.json(
                "{\"items\":[],\"total\":0}")));
        assertThat(page("/campaigns").select("#no-campaigns").text()).contains("Create one");
    }

    @Test
    void a_window_outside_the_legal_ceiling_is_refused_before_the_dialer_is_asked() throws Exception {
        var html = Jsoup.parse(mvc.perform(MockMvcRequestBuilders.post("/campaigns").session(tenantUser()).with(csrf())
                        .param("name", "Night owls").param("agent_id", "a-1").param("phone_number_id", "n-1")
                        .param("start_hour", "7").param("end_hour", "22").param("days", "MON")
                        .param("calls_per_second", "1").param("max_concurrent", "2").param("max_attempts", "3"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(html.text()).contains("no calls before 08:00", "no calls after 21:00");
        ServicesStub.server().verify(0, postRequestedFor(urlPathEqualTo(CAMPAIGNS)));
        assertThat(html.select("#start_hour option").first().val()).as("the form offers the ceiling only")
                .isEqualTo("8");
        assertThat(html.select("#end_hour option").last().val()).isEqualTo("21");
    }

    @Test
    void creating_sends_the_campaign_in_the_apis_terms() throws Exception {
        ServicesStub.server().stubFor(post(urlPathEqualTo(CAMPAIGNS)).willReturn(ServicesStub.json(
                "{\"id\":\"c-9\",\"name\":\"Spring push\",\"status\":\"draft\"}")));
        mvc.perform(MockMvcRequestBuilders.post("/campaigns").session(tenantUser()).with(csrf())
                        .param("name", "Spring push").param("agent_id", "a-1").param("phone_number_id", "n-1")
                        .param("purpose", "informational")
                        .param("start_hour", "9").param("end_hour", "17").param("days", "MON", "TUE")
                        .param("calls_per_second", "2.5").param("max_concurrent", "4").param("max_attempts", "2")
                        .param("busy_retry_minutes", "5").param("no_answer_retry_minutes", "60")
                        .param("idempotency_key", "k-7"))
                .andExpect(redirectedUrl("/campaigns/c-9?created"));
        ServicesStub.server().verify(postRequestedFor(urlPathEqualTo(CAMPAIGNS))
                .withHeader("Idempotency-Key", equalTo("k-7")).withRequestBody(equalToJson("""
                        {"name":"Spring push","agent_id":"a-1","phone_number_id":"n-1","purpose":"informational",
                         "calling_window":{"start_hour":9,"end_hour":17,"days":["MON","TUE"]},
                         "pacing":{"calls_per_second":2.5,"max_concurrent":4},
                         "retry_policy":{"max_attempts":2,"delays":{"busy":300,"no_answer":3600}}}""")));
    }

    @Test
    void the_upload_report_lists_every_row_not_taken_with_its_reason() throws Exception {
        stubCampaign(RUNNING);
        ServicesStub.server().stubFor(post(urlPathEqualTo(CAMPAIGNS + "/c-1/contacts")).willReturn(ServicesStub.json("""
                {"accepted":3,"rejected":[{"row":2,"phone":"12345","reason":"invalid_number"},
                 {"row":4,"phone":"+14155550101","reason":"duplicate"},
                 {"row":5,"phone":"+14155550199","reason":"suppressed"}]}""")));
        var csv = "phone,name\n+14155550101,A\n12345,B\n+14155550102,C\n+14155550101,D\n+14155550199,E\n";
        var html = Jsoup.parse(mvc.perform(multipart("/campaigns/c-1/contacts")
                        .file(new MockMultipartFile("contacts", "leads.csv", "text/csv", csv.getBytes()))
                        .session(tenantUser()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(html.select("#r-accepted").text()).isEqualTo("3");
        assertThat(html.select("[data-reason=invalid_number]").text()).isEqualTo("1");
        assertThat(html.select("[data-reason=duplicate]").text()).isEqualTo("1");
        assertThat(html.select("[data-reason=suppressed]").text()).isEqualTo("1");
        assertThat(html.select("#rejections tbody tr")).hasSize(3);
        assertThat(html.select("#rejections tbody tr").first().text()).contains("2", "12345", "invalid number");
        ServicesStub.server().verify(postRequestedFor(urlPathEqualTo(CAMPAIGNS + "/c-1/contacts"))
                .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing("text/csv"))
                .withRequestBody(equalTo(csv)));
    }

    @Test
    void the_form_offers_both_purposes_marketing_first_and_says_what_each_needs() throws Exception {
        var html = page("/campaigns/new");
        assertThat(html.select("input[name=purpose]")).extracting(e -> e.val())
                .containsExactly("marketing", "informational");
        assertThat(html.select("input[name=purpose][checked]").val()).isEqualTo("marketing");
        assertThat(html.select("#purpose-help").text()).contains("written consent", "consent_type=written");

        var refused = Jsoup.parse(mvc.perform(MockMvcRequestBuilders.post("/campaigns").session(tenantUser())
                        .with(csrf()).param("name", "No purpose").param("agent_id", "a-1").param("phone_number_id", "n-1")
                        .param("start_hour", "9").param("end_hour", "17").param("days", "MON")
                        .param("calls_per_second", "1").param("max_concurrent", "2").param("max_attempts", "3"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("#purpose .field-error").text()).contains("marketing or informational");
        ServicesStub.server().verify(0, postRequestedFor(urlPathEqualTo(CAMPAIGNS)));
    }

    @Test
    void a_marketing_campaign_shows_its_purpose_and_the_contacts_refused_for_want_of_written_consent()
            throws Exception {
        stubCampaign(RUNNING.replace("\"status\":\"running\",", "\"status\":\"running\",\"purpose\":\"marketing\","));
        ServicesStub.server().stubFor(post(urlPathEqualTo(CAMPAIGNS + "/c-1/contacts")).willReturn(ServicesStub.json("""
                {"accepted":1,"rejected":[{"row":3,"phone":"+14155550102","reason":"no_written_consent"},
                 {"row":4,"phone":"+14155550103","reason":"no_written_consent"},
                 {"row":5,"phone":"12345","reason":"invalid_number"}]}""")));
        var csv = "phone,consent_type\n+14155550101,written\n+14155550102,\n+14155550103,express\n12345,written\n";
        var html = Jsoup.parse(mvc.perform(multipart("/campaigns/c-1/contacts")
                        .file(new MockMultipartFile("contacts", "leads.csv", "text/csv", csv.getBytes()))
                        .session(tenantUser()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(html.select("#purpose").text()).contains("Marketing", "written consent");
        assertThat(html.select("#consent-report strong").text()).isEqualTo("2");
        assertThat(html.select("#consent-report").text()).contains("consent_type=written", "3 (+14155550102)",
                "4 (+14155550103)").doesNotContain("12345");
        assertThat(html.select("[data-reason=no_written_consent]").text()).isEqualTo("2");

        stubCampaign(RUNNING.replace("\"status\":\"running\",", "\"status\":\"running\",\"purpose\":\"informational\","));
        var informational = page("/campaigns/c-1");
        assertThat(informational.select("#purpose").text()).isEqualTo("Informational");
        assertThat(informational.select("#consent-report")).isEmpty();
    }

    @Test
    void a_refused_upload_says_why() throws Exception {
        stubCampaign(RUNNING);
        ServicesStub.server().stubFor(post(urlPathEqualTo(CAMPAIGNS + "/c-1/contacts")).willReturn(ServicesStub
                .problem(400, "{\"title\":\"Invalid request\",\"detail\":\"body: the CSV header has no phone column\"}")));
        var html = Jsoup.parse(mvc.perform(multipart("/campaigns/c-1/contacts")
                        .file(new MockMultipartFile("contacts", "x.csv", "text/csv", "name\nA\n".getBytes()))
                        .session(tenantUser()).with(csrf()))
                .andReturn().getResponse().getContentAsString());
        assertThat(html.select("#upload-error").text()).contains("no phone column");
    }

    @Test
    void pause_asks_the_dialer_and_reports_the_new_status() throws Exception {
        ServicesStub.server().stubFor(post(urlPathEqualTo(CAMPAIGNS + "/c-1/pause")).willReturn(ServicesStub.json(
                RUNNING.replace("\"running\"", "\"paused\""))));
        mvc.perform(MockMvcRequestBuilders.post("/campaigns/c-1/pause").session(tenantUser()).with(csrf()))
                .andExpect(redirectedUrl("/campaigns/c-1"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("notice", "Campaign Spring push is paused."));
        ServicesStub.server().verify(postRequestedFor(urlPathEqualTo(CAMPAIGNS + "/c-1/pause")));
    }

    @Test
    void a_conflicting_action_is_shown_not_thrown() throws Exception {
        ServicesStub.server().stubFor(post(urlPathEqualTo(CAMPAIGNS + "/c-1/resume")).willReturn(ServicesStub
                .problem(409, "{\"title\":\"Conflict\",\"detail\":\"Campaign c-1 is running; only a paused campaign resumes\"}")));
        mvc.perform(MockMvcRequestBuilders.post("/campaigns/c-1/resume").session(tenantUser()).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute(
                        "failure", "Could not resume the campaign: Campaign c-1 is running; only a paused campaign resumes"));
    }

    @Test
    void the_live_panel_polls_while_running_and_stops_when_over() throws Exception {
        stubCampaign(RUNNING);
        var live = Jsoup.parse(mvc.perform(MockMvcRequestBuilders.get("/campaigns/c-1/live").header("HX-Request", "true")
                .session(tenantUser())).andReturn().getResponse().getContentAsString()).selectFirst("#live");
        assertThat(live.attr("hx-get")).isEqualTo("/campaigns/c-1/live?shown=running");
        assertThat(live.select("#status-changed")).isEmpty();
        assertThat(live.attr("hx-trigger")).isEqualTo("every 2s");
        assertThat(live.select("#m-in-flight").text()).isEqualTo("2");
        assertThat(live.select("[data-outcome=connected]").text()).isEqualTo("1");

        var page = Jsoup.parse(mvc.perform(MockMvcRequestBuilders.get("/campaigns/c-1").session(tenantUser()))
                .andReturn().getResponse().getContentAsString());
        assertThat(page.text()).as("the created note belongs to ?created only").doesNotContain("campaign is created");
        var created = Jsoup.parse(mvc.perform(MockMvcRequestBuilders.get("/campaigns/c-1?created").session(tenantUser()))
                .andReturn().getResponse().getContentAsString());
        assertThat(created.text()).contains("The campaign is created");

        stubCampaign(RUNNING.replace("\"running\"", "\"paused\""));
        var paused = Jsoup.parse(mvc.perform(MockMvcRequestBuilders.get("/campaigns/c-1/live?shown=running")
                .header("HX-Request", "true").session(tenantUser())).andReturn().getResponse().getContentAsString());
        assertThat(paused.select("#status-changed").text()).contains("now paused", "was running", "Reload the page");
        assertThat(paused.selectFirst("#live").attr("hx-trigger")).as("a paused campaign may resume").isEqualTo("every 2s");

        stubCampaign(RUNNING.replace("\"running\"", "\"completed\""));
        var over = Jsoup.parse(mvc.perform(MockMvcRequestBuilders.get("/campaigns/c-1/live").header("HX-Request", "true")
                .session(tenantUser())).andReturn().getResponse().getContentAsString()).selectFirst("#live");
        assertThat(over.hasAttr("hx-get")).isFalse();
    }

    @Test
    void the_campaign_page_shows_the_optimizers_latest_decisions_in_their_own_words() throws Exception {
        stubCampaign(RUNNING);
        ServicesStub.server().stubFor(get(urlPathEqualTo(CAMPAIGNS + "/c-1/decisions"))
                .withQueryParam("limit", equalTo(String.valueOf(CampaignController.LATEST_DECISIONS)))
                .willReturn(ServicesStub.json("""
                {"items":[{"decision_id":"d-2","rule":"stop_loss","episode":1,"decision":"pause","metric_value":0.46,
                           "threshold":0.3,"decided_at":"2026-12-01T10:02:00Z",
                           "explanation":"paused: failure rate >= 41 % with 99 % confidence after 23 calls; threshold 30 %"},
                          {"decision_id":"d-1","rule":"script_change","episode":1,"decision":"script_change",
                           "decided_at":"2026-12-01T10:01:00Z","detail":{}}],
                 "limit":3,"offset":0,"total":2}""")));

        var html = page("/campaigns/c-1");

        var decisions = html.select("#latest-decisions li.decision");
        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(0).attr("data-rule")).isEqualTo("stop_loss");
        assertThat(decisions.get(0).select(".sentence").text())
                .isEqualTo("paused: failure rate >= 41 % with 99 % confidence after 23 calls; threshold 30 %");
        assertThat(decisions.get(1).select(".sentence").text()).as("a decision without a sentence says what it was")
                .isEqualTo("script change: script change");
    }

    @Test
    void the_campaign_page_still_shows_when_the_optimizer_is_away() throws Exception {
        stubCampaign(RUNNING);
        ServicesStub.server().stubFor(get(urlPathEqualTo(CAMPAIGNS + "/c-1/decisions")).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse().withFault(
                        com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

        var html = page("/campaigns/c-1");

        assertThat(html.select("h1").text()).isEqualTo("Spring push");
        assertThat(html.select("#decisions-unavailable").text()).contains("kernel-optimizer");
        assertThat(html.select("#latest-decisions li")).isEmpty();
    }

    @Test
    void a_campaign_of_another_tenant_is_not_found_and_says_so() throws Exception {
        ServicesStub.server().stubFor(get(urlPathEqualTo(CAMPAIGNS + "/c-x")).willReturn(ServicesStub.problem(404,
                "{\"title\":\"No such campaign\",\"detail\":\"No campaign c-x for this tenant\"}")));
        var html = Jsoup.parse(mvc.perform(MockMvcRequestBuilders.get("/campaigns/c-x").session(tenantUser()))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString());
        assertThat(html.select("#problem").text()).contains("No campaign c-x for this tenant",
                "may have been deleted, or belong to another tenant");
    }

    @Test
    void an_unreachable_service_is_named_with_what_to_try() throws Exception {
        ServicesStub.server().stubFor(get(urlPathEqualTo(CAMPAIGNS)).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse().withFault(
                        com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        var html = Jsoup.parse(mvc.perform(MockMvcRequestBuilders.get("/campaigns").session(tenantUser()))
                .andExpect(status().isServiceUnavailable()).andReturn().getResponse().getContentAsString());
        assertThat(html.select("#problem").text()).contains("voice-dialer", "try again");
    }

    private void stubCampaign(String body) {
        ServicesStub.server().stubFor(get(urlPathEqualTo(CAMPAIGNS + "/c-1")).willReturn(ServicesStub.json(body)));
        ServicesStub.server().stubFor(get(urlPathEqualTo(CAMPAIGNS + "/c-1/calls")).willReturn(ServicesStub.json("""
                {"items":[{"id":"k-1","state":"completed","outcome":"connected","cost_usd":0.12,
                           "qualification_score":0.8,"summary":"Interested","requested_at":"2026-12-01T10:00:00Z",
                           "finished_at":"2026-12-01T10:01:00Z","brand_new_field":{"x":1}},
                          {"id":"k-2","state":"initiated","requested_at":"2026-12-01T10:00:01Z"}],"total":2}""")));
    }

    private org.jsoup.nodes.Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(MockMvcRequestBuilders.get(path).session(tenantUser()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
