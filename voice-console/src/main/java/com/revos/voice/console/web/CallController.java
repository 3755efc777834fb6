package com.revos.voice.console.web;

import com.revos.voice.console.api.ApiProblem;
import com.revos.voice.console.api.DialerApi;
import com.revos.voice.console.api.ProvisioningApi;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Calls: a campaign's calls, page by page, with outcome, duration, cost, qualification score and summary; one call
 * with everything the dialer says about it (the evidence of why it was allowed, when the dialer gives it); and a form
 * to place a single call.
 */
@Controller
class CallController {

    private final DialerApi dialer;
    private final ProvisioningApi provisioning;

    CallController(DialerApi dialer, ProvisioningApi provisioning) {
        this.dialer = dialer;
        this.provisioning = provisioning;
    }

    @GetMapping("/calls")
    String calls(@RequestParam(required = false) String campaign, @RequestParam(required = false) Integer offset,
                 Model model) {
        var tenant = Tenant.current();
        model.addAttribute("campaigns", dialer.campaigns(tenant, 100, 0).items());
        model.addAttribute("selected", campaign);
        if (campaign != null && !campaign.isBlank()) {
            var page = dialer.calls(tenant, campaign, Paging.PAGE_SIZE, Paging.offset(offset));
            model.addAttribute("calls", page.items());
            model.addAttribute("paging", new Paging(Paging.offset(offset), Paging.PAGE_SIZE, page.totalOrCount()));
        }
        return placeForm(model, Map.of(), null, "", "", "");
    }

    private String placeForm(Model model, Map<String, String> errors, @Nullable ApiProblem problem, String agentId,
                             String numberId, String to) {
        var tenant = Tenant.current();
        model.addAttribute("agents", provisioning.agents(tenant, 100, 0).items());
        model.addAttribute("numbers", provisioning.numbers(tenant, 100, 0).items());
        model.addAttribute("errors", errors);
        model.addAttribute("placeProblem", problem);
        model.addAttribute("place", Map.of("agent_id", agentId, "phone_number_id", numberId, "to_number", to,
                "idempotency_key", UUID.randomUUID().toString()));
        return "calls";
    }

    @GetMapping("/calls/{id}")
    String call(@PathVariable String id, Model model) {
        model.addAttribute("call", dialer.call(Tenant.current(), id));
        return "call";
    }

    @PostMapping("/calls")
    String place(@RequestParam Map<String, String> params, Model model) {
        var agent = params.getOrDefault("agent_id", "");
        var number = params.getOrDefault("phone_number_id", "");
        var to = params.getOrDefault("to_number", "");
        try {
            var call = dialer.placeCall(Tenant.current(), CatalogController.key(params.get("idempotency_key")), agent,
                    number, to);
            return "redirect:/calls/" + call.id() + "?placed";
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 422 && problem.status() != 409) {
                throw problem;
            }
            model.addAttribute("campaigns", dialer.campaigns(Tenant.current(), 100, 0).items());
            return placeForm(model, problem.fieldErrors(), problem, agent, number, to);
        }
    }
}
