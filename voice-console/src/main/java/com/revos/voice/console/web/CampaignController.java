package com.revos.voice.console.web;

import com.revos.voice.console.api.ApiProblem;
import com.revos.voice.console.api.Call;
import com.revos.voice.console.api.Campaign;
import com.revos.voice.console.api.DialerApi;
import com.revos.voice.console.api.OptimizerApi;
import com.revos.voice.console.api.ProvisioningApi;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Campaigns: the list with progress, the new-campaign form, and a campaign's page: contacts upload with its per-row
 * report, start / pause / resume / cancel, and the live panel that htmx refreshes while the campaign is not over.
 */
@Controller
class CampaignController {

    /** The live panel reads at most this many calls (pages of 500): enough for the console, bounded for the dialer. */
    static final int LIVE_CALLS = 5_000;
    private static final int CALL_PAGE = 500;

    /** The campaign page shows this many of the optimizer's latest decisions; the trail page has them all. */
    static final int LATEST_DECISIONS = 3;

    private final DialerApi dialer;
    private final ProvisioningApi provisioning;
    private final OptimizerApi optimizer;
    private final Clock clock;

    CampaignController(DialerApi dialer, ProvisioningApi provisioning, OptimizerApi optimizer, Clock clock) {
        this.dialer = dialer;
        this.provisioning = provisioning;
        this.optimizer = optimizer;
        this.clock = clock;
    }

    @GetMapping("/campaigns")
    String list(@RequestParam(required = false) Integer offset, Model model) {
        var page = dialer.campaigns(Tenant.current(), Paging.PAGE_SIZE, Paging.offset(offset));
        model.addAttribute("campaigns", page.items());
        model.addAttribute("paging", new Paging(Paging.offset(offset), Paging.PAGE_SIZE, page.totalOrCount()));
        return "campaigns";
    }

    @GetMapping("/campaigns/new")
    String create(Model model) {
        return form(CampaignForm.blank(UUID.randomUUID().toString()), Map.of(), null, model);
    }

    private String form(CampaignForm form, Map<String, String> errors, @Nullable ApiProblem problem, Model model) {
        var tenant = Tenant.current();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("agents", provisioning.agents(tenant, 100, 0).items());
        model.addAttribute("numbers", provisioning.numbers(tenant, 100, 0).items());
        model.addAttribute("hours", hours());
        model.addAttribute("allDays", CampaignForm.ALL_DAYS);
        model.addAttribute("purposes", CampaignForm.PURPOSES);
        return "campaign-new";
    }

    @PostMapping("/campaigns")
    String submit(@RequestParam MultiValueMap<String, String> params, Model model) {
        var form = CampaignForm.from(params);
        var errors = form.errors();
        if (!errors.isEmpty()) {
            return form(form, errors, null, model);
        }
        try {
            var created = dialer.createCampaign(Tenant.current(), CatalogController.key(form.idempotencyKey()),
                    form.body());
            return "redirect:/campaigns/" + created.id() + "?created";
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 409 && problem.status() != 422) {
                throw problem;
            }
            return form(form, problem.fieldErrors(), problem, model);
        }
    }

    @GetMapping("/campaigns/{id}")
    String detail(@PathVariable String id, Model model) {
        var tenant = Tenant.current();
        var campaign = dialer.campaign(tenant, id);
        model.addAttribute("campaign", campaign);
        model.addAttribute("live", live(tenant, campaign));
        model.addAttribute("shown", campaign.status());
        latestDecisions(tenant, id, model);
        return "campaign";
    }

    /**
     * The optimizer's latest decisions with their sentences. The page is the dialer's campaign: an optimizer that is
     * away leaves a note instead of failing it.
     */
    private void latestDecisions(UUID tenant, String id, Model model) {
        try {
            model.addAttribute("decisions", optimizer.decisions(tenant, id, LATEST_DECISIONS, 0).items());
        } catch (ApiProblem problem) {
            model.addAttribute("decisions", List.of());
            model.addAttribute("decisionsProblem", problem.getMessage());
        }
    }

    @GetMapping("/campaigns/{id}/live")
    String livePanel(@PathVariable String id, @RequestParam(required = false) String shown, Model model) {
        var tenant = Tenant.current();
        var campaign = dialer.campaign(tenant, id);
        model.addAttribute("campaign", campaign);
        model.addAttribute("live", live(tenant, campaign));
        // the status the page's controls were drawn for: when it changes, the panel says so
        model.addAttribute("shown", shown == null ? campaign.status() : shown);
        return "campaign :: live";
    }

    private LiveView live(UUID tenant, Campaign campaign) {
        var calls = new ArrayList<Call>();
        var partial = false;
        for (int offset = 0; ; offset += CALL_PAGE) {
            var page = dialer.calls(tenant, campaign.id(), CALL_PAGE, offset);
            calls.addAll(page.items());
            if (page.items().size() < CALL_PAGE) {
                break;
            }
            if (calls.size() >= LIVE_CALLS) {
                partial = true;
                break;
            }
        }
        return LiveView.of(campaign, calls, partial, clock.instant());
    }

    @PostMapping("/campaigns/{id}/contacts")
    String upload(@PathVariable String id, @RequestParam(name = "contacts", required = false) MultipartFile file,
                  Model model) throws IOException {
        var tenant = Tenant.current();
        if (file == null || file.isEmpty()) {
            model.addAttribute("uploadError", "Choose a CSV file with a header row and a phone column.");
        } else {
            try {
                model.addAttribute("report", dialer.uploadCsv(tenant, id, file.getBytes()));
                model.addAttribute("uploadedName", file.getOriginalFilename());
            } catch (ApiProblem problem) {
                if (problem.status() != 400 && problem.status() != 409) {
                    throw problem;
                }
                model.addAttribute("uploadError", problem.sentence());
            }
        }
        return detail(id, model);
    }

    @PostMapping("/campaigns/{id}/{action:start|pause|resume|cancel}")
    String act(@PathVariable String id, @PathVariable String action, RedirectAttributes redirect) {
        var tenant = Tenant.current();
        try {
            var campaign = dialer.act(tenant, id, DialerApi.CampaignAction.valueOf(action.toUpperCase(Locale.ROOT)));
            redirect.addFlashAttribute("notice", "Campaign " + campaign.name() + " is " + campaign.status() + ".");
        } catch (ApiProblem problem) {
            if (problem.status() != 409 && problem.status() != 400) {
                throw problem;
            }
            redirect.addFlashAttribute("failure", "Could not " + action + " the campaign: " + problem.sentence());
        }
        return "redirect:/campaigns/" + id;
    }

    private static List<Integer> hours() {
        var hours = new ArrayList<Integer>();
        for (int h = CampaignForm.LEGAL_START; h <= CampaignForm.LEGAL_END; h++) {
            hours.add(h);
        }
        return hours;
    }
}
