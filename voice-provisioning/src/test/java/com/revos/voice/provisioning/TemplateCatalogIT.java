package com.revos.voice.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtEncoder;

@ProvisioningIntegrationTest
class TemplateCatalogIT {

    @LocalServerPort
    int port;
    @Autowired
    JwtEncoder tokens;

    @Test
    void any_authenticated_caller_sees_the_four_seeded_templates() {
        var api = new Api(port, tokens);

        var catalog = api.get(api.member(UUID.randomUUID()), "/v1/templates");

        assertThat(catalog.status()).isEqualTo(200);
        assertThat(catalog.<List<String>>json("$.items[*].id")).containsExactlyInAnyOrder("sales-qualification",
                "appointment-setting", "lead-reengagement", "customer-survey");
        assertThat(catalog.<Integer>json("$.total")).isEqualTo(4);
        assertThat(api.get(api.operator(), "/v1/templates").status()).isEqualTo(200);
    }

    @Test
    void every_template_collects_qualification_and_carries_evaluation_criteria() {
        var api = new Api(port, tokens);
        var token = api.member(UUID.randomUUID());

        for (var id : List.of("sales-qualification", "appointment-setting", "lead-reengagement", "customer-survey")) {
            var template = api.get(token, "/v1/templates/" + id);

            assertThat(template.status()).isEqualTo(200);
            assertThat(template.text("$.prompt")).hasSizeGreaterThan(200);
            assertThat(template.text("$.first_message")).isNotBlank();
            assertThat(template.text("$.language")).isEqualTo("en");
            assertThat(template.text("$.voice_id")).isNotBlank();
            assertThat(template.<List<String>>json("$.data_collection[?(@.id == 'qualified')].type"))
                    .containsExactly("boolean");
            assertThat(template.<List<String>>json("$.data_collection[?(@.id == 'qualification_score')].type"))
                    .containsExactly("number");
            // what the dialer reads as an opt-out said on the call (voice-dialer ADR 0011)
            assertThat(template.<List<String>>json("$.data_collection[?(@.id == 'do_not_call')].type"))
                    .containsExactly("boolean");
            assertThat(template.<List<String>>json("$.evaluation_criteria[*].conversation_goal_prompt")).isNotEmpty();
        }
    }

    @Test
    void an_unknown_template_is_not_found() {
        var api = new Api(port, tokens);

        var response = api.get(api.member(UUID.randomUUID()), "/v1/templates/no-such-template");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
