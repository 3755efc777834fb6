package com.revos.voice.console.web;

import com.revos.voice.console.api.ProvisioningApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The tenant's agents: list, detail, delete after a confirmation page. */
@Controller
class AgentController {

    private final ProvisioningApi provisioning;

    AgentController(ProvisioningApi provisioning) {
        this.provisioning = provisioning;
    }

    @GetMapping("/agents")
    String list(@RequestParam(required = false) Integer offset, Model model) {
        var page = provisioning.agents(Tenant.current(), Paging.PAGE_SIZE, Paging.offset(offset));
        model.addAttribute("agents", page.items());
        model.addAttribute("paging", new Paging(Paging.offset(offset), Paging.PAGE_SIZE, page.totalOrCount()));
        return "agents";
    }

    @GetMapping("/agents/{id}")
    String detail(@PathVariable String id, Model model) {
        model.addAttribute("agent", provisioning.agent(Tenant.current(), id));
        return "agent";
    }

    @GetMapping("/agents/{id}/delete")
    String confirm(@PathVariable String id, Model model) {
        model.addAttribute("agent", provisioning.agent(Tenant.current(), id));
        model.addAttribute("confirming", true);
        return "agent";
    }

    @PostMapping("/agents/{id}/delete")
    String delete(@PathVariable String id, RedirectAttributes redirect) {
        var tenant = Tenant.current();
        var agent = provisioning.agent(tenant, id);
        provisioning.deleteAgent(tenant, id);
        redirect.addFlashAttribute("notice", "Agent " + agent.name() + " was deleted.");
        return "redirect:/agents";
    }
}
