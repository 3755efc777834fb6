package com.revos.voice.console.web;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.revos.voice.console.ConsoleSliceTest;
import com.revos.voice.console.ServicesStub;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

class OperatorAndTenantPagesTest extends ConsoleSliceTest {

    static final String T = "/v1/tenants/" + TENANT;

    @Test
    void the_pool_is_for_operators_only() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/operator/pool").session(tenantUser()))
                .andExpect(status().isForbidden());
        ServicesStub.server().verify(0, getRequestedFor(urlPathEqualTo("/v1/admin/phone-pool")));
    }

    @Test
    void the_operator_sees_the_pool_and_adds_numbers_one_a_line() throws Exception {
        var operator = signedIn(ServicesStub.token("ops", List.of(), List.of("operator")));
        ServicesStub.server().stubFor(get(urlPathEqualTo("/v1/admin/phone-pool")).willReturn(ServicesStub.json(
                "{\"items\":[{\"id\":\"p\",\"e164\":\"+14155550100\",\"status\":\"free\"}],\"total\":1}")));
        var html = Jsoup.parse(mvc.perform(MockMvcRequestBuilders.get("/operator/pool").session(operator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(html.select("#pool tbody tr").text()).contains("+14155550100", "free");
        assertThat(html.select("nav a[href=/campaigns]")).as("no tenant pages for a tenantless operator").isEmpty();

        ServicesStub.server().stubFor(post(urlPathEqualTo("/v1/admin/phone-pool")).willReturn(ServicesStub.json(
                "{\"items\":[{\"id\":\"1\"},{\"id\":\"2\"}]}")));
        mvc.perform(MockMvcRequestBuilders.post("/operator/pool").session(operator).with(csrf())
                        .param("numbers", "+14155550101,PN01\n\n +14155550102 PN02 "))
                .andExpect(redirectedUrl("/operator/pool"))
                .andExpect(flash().attribute("notice", "2 number(s) added to the pool."));
        ServicesStub.server().verify(postRequestedFor(urlPathEqualTo("/v1/admin/phone-pool")).withRequestBody(
                equalToJson("{\"numbers\":[{\"e164\":\"+14155550101\",\"twilio_sid\":\"PN01\"},"
                        + "{\"e164\":\"+14155550102\",\"twilio_sid\":\"PN02\"}]}")));
    }

    @Test
    void the_operator_buys_numbers_through_twilio_and_a_refusal_is_shown_by_field() throws Exception {
        var operator = signedIn(ServicesStub.token("ops", List.of(), List.of("operator")));
        ServicesStub.server().stubFor(get(urlPathEqualTo("/v1/admin/phone-pool")).willReturn(ServicesStub.json(
                "{\"items\":[],\"total\":0}")));
        ServicesStub.server().stubFor(post(urlPathEqualTo("/v1/admin/phone-pool/purchase"))
                .withRequestBody(equalToJson("{\"country\":\"US\",\"area_code\":\"415\",\"count\":2}"))
                .willReturn(ServicesStub.json("{\"items\":[{\"id\":\"1\"},{\"id\":\"2\"}]}")));
        mvc.perform(MockMvcRequestBuilders.post("/operator/pool/purchase").session(operator).with(csrf())
                        .param("country", "US").param("area_code", "415").param("count", "2"))
                .andExpect(flash().attribute("notice", "2 number(s) bought through Twilio and added to the pool."));

        ServicesStub.server().stubFor(post(urlPathEqualTo("/v1/admin/phone-pool/purchase"))
                .withRequestBody(equalToJson("{\"country\":\"usa\",\"count\":1}"))
                .willReturn(ServicesStub.problem(400, "{\"title\":\"Invalid request\",\"errors\":[{\"field\":"
                        + "\"country\",\"reason\":\"must be an ISO 3166 alpha-2 country code such as US\"}]}")));
        var html = Jsoup.parse(mvc.perform(MockMvcRequestBuilders.post("/operator/pool/purchase").session(operator)
                .with(csrf()).param("country", "usa").param("count", "1")).andReturn().getResponse()
                .getContentAsString());
        assertThat(html.select("#pool-buy .field-error").text()).contains("ISO 3166");
    }

    @Test
    void an_agent_is_deleted_only_after_its_confirmation_page() throws Exception {
        ServicesStub.server().stubFor(get(urlPathEqualTo(T + "/agents/a-1")).willReturn(ServicesStub.json(
                "{\"id\":\"a-1\",\"name\":\"My SDR\"}")));
        ServicesStub.server().stubFor(delete(urlPathEqualTo(T + "/agents/a-1"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(204)));
        var confirm = Jsoup.parse(mvc.perform(MockMvcRequestBuilders.get("/agents/a-1/delete").session(tenantUser()))
                .andReturn().getResponse().getContentAsString());
        assertThat(confirm.select("#confirm-heading").text()).isEqualTo("Delete this agent?");
        ServicesStub.server().verify(0, deleteRequestedFor(urlPathEqualTo(T + "/agents/a-1")));
        mvc.perform(MockMvcRequestBuilders.post("/agents/a-1/delete").session(tenantUser()).with(csrf()))
                .andExpect(redirectedUrl("/agents"))
                .andExpect(flash().attribute("notice", "Agent My SDR was deleted."));
        ServicesStub.server().verify(deleteRequestedFor(urlPathEqualTo(T + "/agents/a-1")));
    }

    @Test
    void a_line_without_its_twilio_sid_is_refused_before_the_api_is_asked() throws Exception {
        var operator = signedIn(ServicesStub.token("ops", List.of(), List.of("operator")));
        ServicesStub.server().stubFor(get(urlPathEqualTo("/v1/admin/phone-pool")).willReturn(ServicesStub.json(
                "{\"items\":[],\"total\":0}")));
        var html = Jsoup.parse(mvc.perform(MockMvcRequestBuilders.post("/operator/pool").session(operator)
                .with(csrf()).param("numbers", "+14155550101")).andReturn().getResponse().getContentAsString());
        assertThat(html.select(".field-error").text()).contains("line 1", "Twilio SID");
        ServicesStub.server().verify(0, postRequestedFor(urlPathEqualTo("/v1/admin/phone-pool")));
    }

    @Test
    void an_operator_without_a_tenant_is_told_where_tenant_pages_are() throws Exception {
        var operator = signedIn(ServicesStub.token("ops", List.of(), List.of("operator")));
        var html = Jsoup.parse(mvc.perform(MockMvcRequestBuilders.get("/campaigns").session(operator))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString());
        assertThat(html.text()).contains("This page belongs to a tenant", "number pool");
    }

    @Test
    void a_user_of_two_tenants_switches_between_them_and_each_page_asks_for_the_one_shown() throws Exception {
        var both = signedIn(ServicesStub.token("bob", List.of(TENANT, OTHER_TENANT), List.of()));
        ServicesStub.server().stubFor(get(urlPathEqualTo("/v1/tenants/" + OTHER_TENANT + "/campaigns"))
                .willReturn(ServicesStub.json("{\"items\":[],\"total\":0}")));
        mvc.perform(MockMvcRequestBuilders.post("/tenant").session(both).with(csrf())
                .param("tenant", OTHER_TENANT.toString())).andExpect(redirectedUrl("/campaigns"));
        mvc.perform(MockMvcRequestBuilders.get("/campaigns").session(both)).andExpect(status().isOk());
        ServicesStub.server().verify(getRequestedFor(urlPathEqualTo("/v1/tenants/" + OTHER_TENANT + "/campaigns")));
        ServicesStub.server().verify(0, getRequestedFor(urlPathEqualTo(T + "/campaigns")));

        var stranger = java.util.UUID.randomUUID();
        mvc.perform(MockMvcRequestBuilders.post("/tenant").session(tenantUser()).with(csrf())
                .param("tenant", stranger.toString())).andExpect(status().isNotFound());
    }

    @Test
    void a_number_is_imported_attached_and_released_through_the_api() throws Exception {
        var number = "{\"id\":\"n-1\",\"e164\":\"+14155550100\"}";
        ServicesStub.server().stubFor(post(urlPathEqualTo(T + "/phone-numbers/n-1/import"))
                .willReturn(ServicesStub.json(number)));
        ServicesStub.server().stubFor(put(urlPathEqualTo(T + "/phone-numbers/n-1/agent"))
                .willReturn(ServicesStub.json(number)));
        ServicesStub.server().stubFor(delete(urlPathEqualTo(T + "/phone-numbers/n-1"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(204)));
        var session = tenantUser();
        mvc.perform(MockMvcRequestBuilders.post("/numbers/n-1/import").session(session).with(csrf()))
                .andExpect(flash().attribute("notice", "+14155550100 is imported. Next: attach an agent."));
        mvc.perform(MockMvcRequestBuilders.post("/numbers/n-1/agent").session(session).with(csrf())
                .param("agent_id", "a-1")).andExpect(redirectedUrl("/numbers"));
        mvc.perform(MockMvcRequestBuilders.post("/numbers/n-1/release").session(session).with(csrf()))
                .andExpect(flash().attribute("notice", "The number was released to the pool."));
        ServicesStub.server().verify(putRequestedFor(urlPathEqualTo(T + "/phone-numbers/n-1/agent"))
                .withRequestBody(equalToJson("{\"agent_id\":\"a-1\"}")));
        ServicesStub.server().verify(deleteRequestedFor(urlPathEqualTo(T + "/phone-numbers/n-1")));
    }

    @Test
    void a_pool_without_a_fitting_number_says_so_on_the_numbers_page() throws Exception {
        ServicesStub.server().stubFor(post(urlPathEqualTo(T + "/phone-numbers")).willReturn(ServicesStub.problem(409,
                "{\"title\":\"Conflict\",\"detail\":\"No free number in the pool for US 999; buying is off\"}")));
        ServicesStub.server().stubFor(get(urlPathEqualTo(T + "/phone-numbers")).willReturn(ServicesStub.json(
                "{\"items\":[],\"total\":0}")));
        ServicesStub.server().stubFor(get(urlPathEqualTo(T + "/agents")).willReturn(ServicesStub.json(
                "{\"items\":[],\"total\":0}")));
        var html = Jsoup.parse(mvc.perform(MockMvcRequestBuilders.post("/numbers").session(tenantUser()).with(csrf())
                .param("country", "US").param("area_code", "999")).andReturn().getResponse().getContentAsString());
        assertThat(html.select("#number-problem").text()).contains("No free number in the pool");
        assertThat(html.select("#area_code").val()).isEqualTo("999");
    }

    @Test
    void suppressions_are_added_one_a_line_and_each_refused_line_is_reported() throws Exception {
        ServicesStub.server().stubFor(post(urlPathEqualTo(T + "/suppressions"))
                .withRequestBody(equalToJson("{\"phone\":\"bad\",\"reason\":\"asked\"}"))
                .willReturn(ServicesStub.problem(400, "{\"title\":\"Invalid request\",\"errors\":"
                        + "[{\"field\":\"phone\",\"reason\":\"must be an E.164 number\"}]}")));
        ServicesStub.server().stubFor(post(urlPathEqualTo(T + "/suppressions"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("+1"))
                .willReturn(ServicesStub.json("{\"phone\":\"+1\"}")));
        mvc.perform(MockMvcRequestBuilders.post("/suppressions").session(tenantUser()).with(csrf())
                        .param("phones", "+14155550100\r\nbad\n+14155550101").param("reason", "asked"))
                .andExpect(flash().attribute("notice", "2 number(s) added to the do-not-call list."))
                .andExpect(flash().attribute("refused", java.util.Map.of("bad", "must be an E.164 number")));
    }

    @Test
    void removing_a_suppression_deletes_that_number() throws Exception {
        ServicesStub.server().stubFor(delete(urlPathEqualTo(T + "/suppressions"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(204)));
        mvc.perform(MockMvcRequestBuilders.post("/suppressions/remove").session(tenantUser()).with(csrf())
                .param("phone", "+14155550100")).andExpect(redirectedUrl("/suppressions"));
        ServicesStub.server().verify(deleteRequestedFor(urlPathEqualTo(T + "/suppressions"))
                .withQueryParam("phone", equalTo("+14155550100")));
    }

    @Test
    void usage_asks_the_ledger_day_by_day_and_downloads_as_csv() throws Exception {
        ServicesStub.server().stubFor(get(urlPathEqualTo(T + "/usage"))
                .withQueryParam("from", equalTo("2026-11-29T00:00:00Z"))
                .willReturn(ServicesStub.json("{\"calls\":4,\"billable_seconds\":240,\"minutes\":4.0,\"cost\":1.2}")));
        ServicesStub.server().stubFor(get(urlPathEqualTo(T + "/usage"))
                .withQueryParam("from", equalTo("2026-11-30T00:00:00Z"))
                .willReturn(ServicesStub.json("{\"calls\":1,\"minutes\":0.5,\"cost\":0.1}")));
        var response = mvc.perform(MockMvcRequestBuilders.get("/usage.csv").session(tenantUser())
                        .param("from", "2026-11-29").param("to", "2026-11-30"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"usage-2026-11-29-to-2026-11-30.csv\""))
                .andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getContentAsString()).isEqualTo("""
                day,calls,minutes,cost_usd
                2026-11-29,4,4.00,1.2000
                2026-11-30,1,0.50,0.1000
                total,5,4.50,1.3000
                """);
        ServicesStub.server().verify(getRequestedFor(urlPathEqualTo(T + "/usage"))
                .withQueryParam("to", equalTo("2026-12-01T00:00:00Z")));
    }

    @Test
    void a_period_that_cannot_be_read_is_replaced_by_the_last_week_with_a_note() throws Exception {
        ServicesStub.server().stubFor(get(urlPathEqualTo(T + "/usage")).willReturn(ServicesStub.json("{}")));
        var html = Jsoup.parse(mvc.perform(MockMvcRequestBuilders.get("/usage").session(tenantUser())
                .param("from", "yesterday")).andReturn().getResponse().getContentAsString());
        assertThat(html.select(".problem").text()).contains("YYYY-MM-DD");
        assertThat(html.select("#usage tbody tr")).hasSize(7);
    }

    @Test
    void the_policy_form_round_trips_the_whole_policy_and_shows_the_optimizers_refusals_by_field() throws Exception {
        var policy = """
                {"window_size":50,"window_minutes":60,"hysteresis":0.05,"scale_factor":1.5,
                 "stop_loss":{"threshold":0.3,"minimum_sample":20,"cooldown_seconds":600,"mode":"automatic"},
                 "error_rate":0.01}""";
        ServicesStub.server().stubFor(get(urlPathEqualTo(T + "/optimizer-policy")).willReturn(ServicesStub.json(policy)));
        var form = Jsoup.parse(mvc.perform(MockMvcRequestBuilders.get("/policy").session(tenantUser()))
                .andReturn().getResponse().getContentAsString());
        assertThat(form.select("#stop_loss\\.threshold").val()).isEqualTo("0.3");
        assertThat(form.select("label[for=error_rate]").text()).isEqualTo("Error rate");

        ServicesStub.server().stubFor(put(urlPathEqualTo(T + "/optimizer-policy")).willReturn(ServicesStub.problem(400,
                "{\"title\":\"Invalid request\",\"errors\":[{\"field\":\"stop_loss.threshold\",\"reason\":"
                        + "\"must be between 0 and 1\"}]}")));
        var refused = Jsoup.parse(mvc.perform(MockMvcRequestBuilders.post("/policy").session(tenantUser()).with(csrf())
                        .param("stop_loss.threshold", "3").param("window_size", "50").param("window_minutes", "60")
                        .param("hysteresis", "0.05").param("scale_factor", "1.5").param("stop_loss.minimum_sample", "20")
                        .param("stop_loss.cooldown_seconds", "600").param("stop_loss.mode", "automatic")
                        .param("error_rate", "0.01"))
                .andReturn().getResponse().getContentAsString());
        assertThat(refused.select(".field-error").text()).isEqualTo("must be between 0 and 1");
        assertThat(refused.select("#stop_loss\\.threshold").val()).as("what was typed is kept").isEqualTo("3.0");
        ServicesStub.server().verify(putRequestedFor(urlPathEqualTo(T + "/optimizer-policy")).withRequestBody(
                equalToJson("""
                        {"window_size":50,"window_minutes":60,"hysteresis":0.05,"scale_factor":1.5,
                         "stop_loss":{"threshold":3.0,"minimum_sample":20,"cooldown_seconds":600,"mode":"automatic"},
                         "error_rate":0.01}""")));
    }

    @Test
    void a_single_call_is_placed_and_its_outcome_and_evidence_shown() throws Exception {
        ServicesStub.server().stubFor(post(urlPathEqualTo(T + "/calls")).willReturn(ServicesStub.json(
                "{\"id\":\"call-1\",\"state\":\"requested\"}")));
        mvc.perform(MockMvcRequestBuilders.post("/calls").session(tenantUser()).with(csrf()).param("agent_id", "a")
                        .param("phone_number_id", "n").param("to_number", " +14155550100 ")
                        .param("idempotency_key", "k-2"))
                .andExpect(redirectedUrl("/calls/call-1?placed"));
        ServicesStub.server().verify(postRequestedFor(urlPathEqualTo(T + "/calls"))
                .withHeader("Idempotency-Key", equalTo("k-2")).withRequestBody(equalToJson(
                        "{\"agent_id\":\"a\",\"phone_number_id\":\"n\",\"to_number\":\"+14155550100\"}")));

        ServicesStub.server().stubFor(get(urlPathEqualTo(T + "/calls/call-1")).willReturn(ServicesStub.json("""
                {"id":"call-1","state":"completed","outcome":"connected","duration_secs":75,"cost_usd":0.4,
                 "qualification_score":0.75,"summary":"Booked a demo","evidence":{"local_hour":14,"window":"09-17"}}""")));
        var call = Jsoup.parse(mvc.perform(MockMvcRequestBuilders.get("/calls/call-1").session(tenantUser()))
                .andReturn().getResponse().getContentAsString());
        assertThat(call.select("#call").text()).contains("connected", "1 min 15 s", "$0.40", "0.75", "Booked a demo");
        assertThat(call.text()).contains("local hour", "14", "09-17");
    }
}
