package com.revos.voice.console.web;

import org.jspecify.annotations.Nullable;
import com.revos.voice.console.api.ApiProblem;
import com.revos.voice.console.api.ProvisioningApi;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The template catalog and its deploy dialog. With htmx the dialog is loaded into the page and submitted in place
 * (the API's field errors shown next to the fields, the agent's page on success); without JavaScript the same form is
 * a page of its own.
 */
@Controller
class CatalogController {

    private final ProvisioningApi provisioning;

    CatalogController(ProvisioningApi provisioning) {
        this.provisioning = provisioning;
    }

    /** What the dialog shows and sends; keys are the API's field names. */
    record DeployForm(String templateId, @Nullable String templateName, @Nullable String name,
                      @Nullable String firstMessage, @Nullable String prompt, @Nullable String voiceId,
                      @Nullable String language, @Nullable String idempotencyKey) {
    }

    @GetMapping("/catalog")
    String catalog(Model model) {
        Tenant.current();
        model.addAttribute("templates", provisioning.templates().items());
        return "catalog";
    }

    @GetMapping("/catalog/{id}/deploy")
    String dialog(@PathVariable String id, @RequestHeader(name = "HX-Request", required = false) String htmx,
                  Model model) {
        Tenant.current();
        var template = provisioning.template(id);
        model.addAttribute("form", new DeployForm(template.id(), template.name(), template.name(),
                template.firstMessage(), template.prompt(), template.voiceId(), template.language(),
                UUID.randomUUID().toString()));
        model.addAttribute("errors", Map.of());
        return htmx != null ? "catalog :: dialog" : "deploy";
    }

    @PostMapping("/catalog/{id}/deploy")
    String deploy(@PathVariable String id, @RequestParam Map<String, String> params,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                  HttpServletResponse response) {
        var tenant = Tenant.current();
        var form = new DeployForm(id, params.get("template_name"), params.get("name"), params.get("first_message"),
                params.get("prompt"), params.get("voice_id"), params.get("language"), params.get("idempotency_key"));
        var overrides = new LinkedHashMap<String, String>();
        overrides.put("first_message", form.firstMessage());
        overrides.put("prompt", form.prompt());
        overrides.put("voice_id", form.voiceId());
        overrides.put("language", form.language());
        try {
            var agent = provisioning.deploy(tenant, key(form.idempotencyKey()), id, form.name(), overrides);
            if (htmx != null) {
                response.setHeader("HX-Redirect", "/agents/" + agent.id() + "?deployed");
                return "catalog :: deployed";
            }
            return "redirect:/agents/" + agent.id() + "?deployed";
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 422) {
                throw problem;
            }
            model.addAttribute("form", form);
            model.addAttribute("errors", fieldsOf(problem));
            model.addAttribute("problem", problem);
            if (htmx == null) {
                response.setStatus(422);
            }
            return htmx != null ? "catalog :: dialog" : "deploy";
        }
    }

    /** The overrides' errors come as overrides.voice_id; the dialog's fields are named voice_id. */
    static Map<String, String> fieldsOf(ApiProblem problem) {
        var fields = new LinkedHashMap<String, String>();
        problem.fieldErrors().forEach((field, reason) -> fields.put(field.startsWith("overrides.")
                ? field.substring("overrides.".length()) : field, reason));
        return fields;
    }

    static String key(@Nullable String submitted) {
        return submitted == null || submitted.isBlank() ? UUID.randomUUID().toString() : submitted;
    }
}
