package com.revos.voice.optimizer.campaign.infrastructure;

import com.revos.voice.service.ApiException;
import com.revos.voice.values.Page;
import com.revos.voice.values.PageWindow;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/tenants/{tenantId}/campaigns/{campaignId}/decisions}: the campaign's audit trail. */
@RestController
class DecisionTrailController {

    private final JdbcDecisionTrail trail;

    DecisionTrailController(JdbcDecisionTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/v1/tenants/{tenantId}/campaigns/{campaignId}/decisions")
    Page<DecisionTrail.DecisionView> decisions(@PathVariable UUID tenantId, @PathVariable UUID campaignId,
                            @RequestParam(defaultValue = "50") int limit,
                            @RequestParam(defaultValue = "0") int offset) {
        var window = PageWindow.of(limit, offset, ApiException::badRequest);
        return trail.of(tenantId, campaignId, window.limit(), window.offset());
    }
}
