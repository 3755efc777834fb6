package com.revos.voice.dialer.usage.infrastructure;

import com.revos.voice.service.ApiException;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/tenants/{tenantId}/usage?from=&to=} (ISO-8601 instants; default the last 30 days). */
@RestController
class UsageController {

    private final UsageLedger ledger;
    private final TransactionTemplate transactions;

    UsageController(UsageLedger ledger, TransactionTemplate transactions) {
        this.ledger = ledger;
        this.transactions = transactions;
    }

    /** The tenant's usage over a period, as the API shows it: calls, billed seconds and minutes, cost in USD. */
    record UsageView(Instant from, Instant to, long calls, long billableSeconds, double minutes, BigDecimal cost) {

        static UsageView of(UsageLedger.Summary summary) {
            return new UsageView(summary.from(), summary.to(), summary.calls(), summary.billableSeconds(),
                    summary.minutes(), summary.cost());
        }
    }

    @GetMapping("/v1/tenants/{tenantId}/usage")
    UsageView usage(@PathVariable UUID tenantId, @RequestParam(required = false) @Size(max = 64) String from,
                    @RequestParam(required = false) @Size(max = 64) String to) {
        var end = to == null ? Instant.now() : parse("to", to);
        var start = from == null ? end.minus(java.time.Duration.ofDays(30)) : parse("from", from);
        if (!start.isBefore(end)) {
            throw ApiException.badRequest("from", "must be before to");
        }
        var summary = transactions.execute(status -> ledger.summarize(tenantId, start, end));
        return UsageView.of(java.util.Objects.requireNonNull(summary, "a summary is one row"));
    }

    private static Instant parse(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }
}
