package com.revos.voice.console.web;

import com.revos.voice.console.api.ApiProblem;
import com.revos.voice.console.api.ProvisioningApi;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The tenant's phone numbers and their three steps: get one (from the pool, or bought), import it into ElevenLabs,
 * attach an agent. Release gives it back to the pool, after a confirmation.
 */
@Controller
class NumberController {

    private final ProvisioningApi provisioning;

    NumberController(ProvisioningApi provisioning) {
        this.provisioning = provisioning;
    }

    @GetMapping("/numbers")
    String list(@RequestParam(required = false) Integer offset, Model model) {
        return page(Paging.offset(offset), model, Map.of(), "US", "");
    }

    private String page(int offset, Model model, Map<String, String> errors, String country, String areaCode) {
        var tenant = Tenant.current();
        var page = provisioning.numbers(tenant, Paging.PAGE_SIZE, offset);
        model.addAttribute("numbers", page.items());
        model.addAttribute("paging", new Paging(offset, Paging.PAGE_SIZE, page.totalOrCount()));
        model.addAttribute("agents", provisioning.agents(tenant, 100, 0).items());
        model.addAttribute("errors", errors);
        model.addAttribute("country", country);
        model.addAttribute("areaCode", areaCode);
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "numbers";
    }

    @PostMapping("/numbers")
    String get(@RequestParam(defaultValue = "") String country, @RequestParam(name = "area_code",
            defaultValue = "") String areaCode, @RequestParam(name = "idempotency_key", required = false) String key,
               Model model, RedirectAttributes redirect) {
        try {
            var number = provisioning.assignNumber(Tenant.current(), CatalogController.key(key), country, areaCode);
            redirect.addFlashAttribute("notice", "You have " + number.e164() + ". Next: import it into ElevenLabs.");
            return "redirect:/numbers";
        } catch (ApiProblem problem) {
            if (problem.status() >= 500 && problem.status() != 503 || problem.notFound()) {
                throw problem;
            }
            model.addAttribute("problem", problem);
            return page(0, model, problem.fieldErrors(), country, areaCode);
        }
    }

    @PostMapping("/numbers/{id}/import")
    String importNumber(@PathVariable String id, RedirectAttributes redirect) {
        var number = provisioning.importNumber(Tenant.current(), id);
        redirect.addFlashAttribute("notice", number.e164() + " is imported. Next: attach an agent.");
        return "redirect:/numbers";
    }

    @PostMapping("/numbers/{id}/agent")
    String attach(@PathVariable String id, @RequestParam(name = "agent_id", defaultValue = "") String agentId,
                  RedirectAttributes redirect) {
        try {
            var number = provisioning.attachAgent(Tenant.current(), id, agentId);
            redirect.addFlashAttribute("notice", number.e164() + " now answers with the chosen agent.");
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            redirect.addFlashAttribute("failure", "Could not attach the agent: "
                    + String.join("; ", problem.fieldErrors().values().isEmpty() ? java.util.List.of(problem.sentence())
                    : problem.fieldErrors().values()) + ". Choose one of your agents.");
        }
        return "redirect:/numbers";
    }

    @GetMapping("/numbers/{id}/release")
    String confirmRelease(@PathVariable String id, Model model) {
        model.addAttribute("number", provisioning.number(Tenant.current(), id));
        return "release";
    }

    @PostMapping("/numbers/{id}/release")
    String release(@PathVariable String id, RedirectAttributes redirect) {
        provisioning.releaseNumber(Tenant.current(), id);
        redirect.addFlashAttribute("notice", "The number was released to the pool.");
        return "redirect:/numbers";
    }
}
