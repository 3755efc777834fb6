package com.revos.voice.console.web;

import com.revos.voice.console.api.ApiProblem;
import com.revos.voice.console.api.ProvisioningApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operator's master pool (operator role only, see SecurityConfig): list, add numbers, buy through Twilio. */
@Controller
class OperatorController {

    private final ProvisioningApi provisioning;

    OperatorController(ProvisioningApi provisioning) {
        this.provisioning = provisioning;
    }

    @GetMapping("/operator/pool")
    String pool(@RequestParam(required = false) String status, @RequestParam(required = false) Integer offset,
                Model model) {
        return page(status, Paging.offset(offset), Map.of(), null, "", model);
    }

    private String page(@Nullable String status, int offset, Map<String, String> errors, @Nullable ApiProblem problem,
                        String numbers,
                        Model model) {
        var page = provisioning.pool(status, Paging.PAGE_SIZE, offset);
        model.addAttribute("pool", page.items());
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("paging", new Paging(offset, Paging.PAGE_SIZE, page.totalOrCount()));
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("numbers", numbers);
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "operator";
    }

    /** One number a line, as {@code +E164,TwilioSid}. */
    @PostMapping("/operator/pool")
    String add(@RequestParam(defaultValue = "") String numbers, @RequestParam(name = "idempotency_key",
            required = false) String key, Model model, RedirectAttributes redirect) {
        var parsed = new ArrayList<Map<String, String>>();
        var errors = new LinkedHashMap<String, String>();
        var lines = numbers.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        for (int i = 0; i < lines.size(); i++) {
            var parts = lines.get(i).split("[,;\\s]+");
            if (parts.length != 2) {
                errors.put("numbers", "line " + (i + 1) + ": write the number and its Twilio SID, e.g. "
                        + "+14155550100,PN0123...");
                break;
            }
            parsed.add(Map.of("e164", parts[0], "twilio_sid", parts[1]));
        }
        if (lines.isEmpty()) {
            errors.put("numbers", "Enter at least one line: +E164,TwilioSid");
        }
        if (!errors.isEmpty()) {
            return page(null, 0, errors, null, numbers, model);
        }
        try {
            var added = provisioning.addToPool(CatalogController.key(key), parsed);
            redirect.addFlashAttribute("notice", added.size() + " number(s) added to the pool.");
            return "redirect:/operator/pool";
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 409) {
                throw problem;
            }
            return page(null, 0, Map.of("numbers", String.join("; ", problem.fieldErrors().isEmpty()
                    ? List.of(problem.sentence()) : problem.fieldErrors().entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).toList())), problem, numbers, model);
        }
    }

    @PostMapping("/operator/pool/purchase")
    String purchase(@RequestParam(defaultValue = "US") String country,
                    @RequestParam(name = "area_code", defaultValue = "") String areaCode,
                    @RequestParam(defaultValue = "1") int count,
                    @RequestParam(name = "idempotency_key", required = false) String key, Model model,
                    RedirectAttributes redirect) {
        try {
            var bought = provisioning.purchase(CatalogController.key(key), country, areaCode, count);
            redirect.addFlashAttribute("notice", bought.size() + " number(s) bought through Twilio and added to the "
                    + "pool.");
            return "redirect:/operator/pool";
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 409 && problem.status() != 422) {
                throw problem;
            }
            return page(null, 0, problem.fieldErrors(), problem, "", model);
        }
    }
}
