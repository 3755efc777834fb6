package com.revos.voice.console.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.revos.voice.console.ConsoleSliceTest;
import com.revos.voice.console.ServicesStub;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

class SigningInTest extends ConsoleSliceTest {

    @Test
    void a_page_asks_who_is_signed_in_first() throws Exception {
        mvc.perform(get("/campaigns")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/sign-in"));
    }

    @Test
    void an_htmx_poll_without_a_session_sends_the_window_to_the_sign_in_page() throws Exception {
        mvc.perform(get("/campaigns/x/live").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized()).andExpect(header().string("HX-Redirect", "/sign-in"));
    }

    @Test
    void a_valid_token_signs_in_and_lands_on_the_campaigns() throws Exception {
        var result = mvc.perform(post("/sign-in").param("token", tenantToken()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/campaigns")).andReturn();
        var session = (MockHttpSession) result.getRequest().getSession(false);
        assertThat(session).isNotNull();
        assertThat(Authentications.current()).isEmpty();
    }

    @Test
    void a_token_signed_with_another_key_is_refused_with_what_to_do() throws Exception {
        var forged = ServicesStub.token("mallory", List.of(TENANT), List.of(), Instant.now().plusSeconds(600),
                "another-secret-another-secret-another-secret-0000");
        mvc.perform(post("/sign-in").param("token", forged).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("signature does not match")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(forged))));
    }

    @Test
    void an_expired_token_is_refused_as_expired() throws Exception {
        var expired = ServicesStub.token("alice", List.of(TENANT), List.of(), Instant.now().minusSeconds(3600),
                ServicesStub.SECRET);
        mvc.perform(post("/sign-in").param("token", expired).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("it has expired")));
    }

    @Test
    void a_token_without_tenant_or_operator_role_is_refused() throws Exception {
        var nobody = ServicesStub.token("nobody", List.of(), List.of());
        mvc.perform(post("/sign-in").param("token", nobody).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("names no tenant")));
    }

    @Test
    void signing_in_without_the_csrf_token_is_forbidden() throws Exception {
        mvc.perform(post("/sign-in").param("token", tenantToken())).andExpect(status().isForbidden());
    }

    @Test
    void the_signed_out_note_shows_only_after_signing_out() throws Exception {
        var fresh = org.jsoup.Jsoup.parse(mvc.perform(get("/sign-in")).andReturn().getResponse().getContentAsString());
        assertThat(fresh.text()).doesNotContain("You are signed out");
        var after = org.jsoup.Jsoup.parse(mvc.perform(get("/sign-in?signed-out")).andReturn().getResponse()
                .getContentAsString());
        assertThat(after.text()).contains("You are signed out");
    }

    @Test
    void every_form_of_a_page_carries_the_csrf_token() throws Exception {
        var html = mvc.perform(get("/sign-in")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        var forms = org.jsoup.Jsoup.parse(html).select("form[method=post]");
        assertThat(forms).isNotEmpty();
        forms.forEach(form -> assertThat(form.select("input[name=_csrf]")).as(form.attr("action")).hasSize(1));
    }

    @Test
    void one_click_sign_in_does_not_exist_outside_the_local_profile() throws Exception {
        mvc.perform(get("/sign-in")).andExpect(content().string(
                org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Sign in as the demo tenant"))));
        mvc.perform(post("/sign-in/demo").with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void behind_the_gateway_the_authorization_header_signs_the_request_in() throws Exception {
        ServicesStub.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .get(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v1/tenants/" + TENANT + "/campaigns"))
                .willReturn(ServicesStub.json("{\"items\":[],\"total\":0}")));
        mvc.perform(get("/campaigns").header("Authorization", "Bearer " + tenantToken()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("No campaigns yet")));
        mvc.perform(get("/campaigns").header("Authorization", "Bearer not-a-jwt"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void signing_out_ends_the_session() throws Exception {
        var session = tenantUser();
        mvc.perform(post("/sign-out").session(session).with(csrf())).andExpect(redirectedUrl("/sign-in?signed-out"));
        mvc.perform(get("/campaigns").session(session)).andExpect(redirectedUrl("/sign-in"));
    }
}
