package com.revos.voice.console.web;

import com.revos.voice.console.api.ApiProblem;
import com.revos.voice.console.api.DialerApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The tenant's do-not-call list: list, add one or many (one number a line), remove. */
@Controller
class SuppressionController {

    private final DialerApi dialer;

    SuppressionController(DialerApi dialer) {
        this.dialer = dialer;
    }

    @GetMapping("/suppressions")
    String list(@RequestParam(required = false) Integer offset, Model model) {
        var page = dialer.suppressions(Tenant.current(), Paging.PAGE_SIZE, Paging.offset(offset));
        model.addAttribute("suppressions", page.items());
        model.addAttribute("paging", new Paging(Paging.offset(offset), Paging.PAGE_SIZE, page.totalOrCount()));
        return "suppressions";
    }

    /** Each line is a number; every line is tried, and each refused one is reported with the dialer's reason. */
    @PostMapping("/suppressions")
    String add(@RequestParam(defaultValue = "") String phones, @RequestParam(defaultValue = "") String reason,
               RedirectAttributes redirect) {
        var tenant = Tenant.current();
        var added = 0;
        var refused = new LinkedHashMap<String, String>();
        var lines = new ArrayList<String>();
        for (var line : phones.split("[\\r\\n,;]+")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        if (lines.isEmpty()) {
            redirect.addFlashAttribute("failure", "Enter at least one phone number, in E.164 form (+14155550100).");
            return "redirect:/suppressions";
        }
        for (var phone : lines) {
            try {
                dialer.suppress(tenant, phone, reason);
                added++;
            } catch (ApiProblem problem) {
                if (problem.status() != 400 && problem.status() != 409) {
                    throw problem;
                }
                refused.put(phone, problem.fieldErrors().isEmpty() ? problem.sentence()
                        : String.join("; ", problem.fieldErrors().values()));
            }
        }
        redirect.addFlashAttribute("notice", added + " number(s) added to the do-not-call list.");
        redirect.addFlashAttribute("refused", refused);
        return "redirect:/suppressions";
    }

    @PostMapping("/suppressions/remove")
    String remove(@RequestParam String phone, RedirectAttributes redirect) {
        dialer.unsuppress(Tenant.current(), phone);
        redirect.addFlashAttribute("notice", phone + " may be called again.");
        return "redirect:/suppressions";
    }
}
