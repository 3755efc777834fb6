package com.revos.voice.console.web;

import com.revos.voice.console.api.ApiProblem;
import com.revos.voice.console.api.DialerApi;
import com.revos.voice.console.api.OptimizerApi;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The optimizer: a campaign's decision trail, and the tenant's policy as a form. */
@Controller
class OptimizerController {

    private final OptimizerApi optimizer;
    private final DialerApi dialer;

    OptimizerController(OptimizerApi optimizer, DialerApi dialer) {
        this.optimizer = optimizer;
        this.dialer = dialer;
    }

    @GetMapping("/campaigns/{id}/decisions")
    String decisions(@PathVariable String id, @RequestParam(required = false) Integer offset, Model model) {
        var tenant = Tenant.current();
        model.addAttribute("campaign", dialer.campaign(tenant, id));
        var page = optimizer.decisions(tenant, id, Paging.PAGE_SIZE, Paging.offset(offset));
        model.addAttribute("decisions", page.items());
        model.addAttribute("paging", new Paging(Paging.offset(offset), Paging.PAGE_SIZE, page.totalOrCount()));
        return "decisions";
    }

    @GetMapping("/policy")
    String policy(Model model) {
        model.addAttribute("form", PolicyForm.of(optimizer.policy(Tenant.current())));
        model.addAttribute("errors", Map.of());
        return "policy";
    }

    @PostMapping("/policy")
    String update(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        var tenant = Tenant.current();
        var current = optimizer.policy(tenant);
        var updated = PolicyForm.apply(current, params);
        try {
            optimizer.updatePolicy(tenant, updated);
            redirect.addFlashAttribute("notice", "The optimizer policy was saved; it applies to the next evaluation.");
            return "redirect:/policy";
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            model.addAttribute("form", PolicyForm.of(updated));
            model.addAttribute("errors", problem.fieldErrors());
            model.addAttribute("problem", problem);
            return "policy";
        }
    }
}
