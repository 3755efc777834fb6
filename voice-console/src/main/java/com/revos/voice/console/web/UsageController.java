package com.revos.voice.console.web;

import org.jspecify.annotations.Nullable;
import com.revos.voice.console.api.DialerApi;
import com.revos.voice.console.api.Usage;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Usage by day (UTC) for a chosen period, from the dialer's ledger, and the same as a CSV download. */
@Controller
class UsageController {

    private final DialerApi dialer;
    private final Clock clock;

    UsageController(DialerApi dialer, Clock clock) {
        this.dialer = dialer;
        this.clock = clock;
    }

    /** A period the page can show, or what is wrong with the one asked for. */
    record Period(LocalDate from, LocalDate to, @Nullable String problem) {
    }

    Period period(String from, String to) {
        var today = LocalDate.now(clock);
        try {
            var end = to == null || to.isBlank() ? today : LocalDate.parse(to);
            var start = from == null || from.isBlank() ? end.minusDays(6) : LocalDate.parse(from);
            if (start.isAfter(end)) {
                return new Period(end.minusDays(6), end, "The period starts after it ends; showing the week to " + end
                        + ".");
            }
            if (ChronoUnit.DAYS.between(start, end) >= UsageReport.MAX_DAYS) {
                return new Period(end.minusDays(UsageReport.MAX_DAYS - 1), end, "A period is at most "
                        + UsageReport.MAX_DAYS + " days; showing the last " + UsageReport.MAX_DAYS + " to " + end + ".");
            }
            return new Period(start, end, null);
        } catch (DateTimeParseException e) {
            return new Period(today.minusDays(6), today, "Dates are written YYYY-MM-DD; showing the last 7 days.");
        }
    }

    private UsageReport report(UUID tenant, Period period) {
        var days = new ArrayList<Usage>();
        for (var day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
            days.add(dialer.usage(tenant, day.atStartOfDay().toInstant(ZoneOffset.UTC),
                    day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        return UsageReport.of(period.from(), period.to(), days);
    }

    @GetMapping("/usage")
    String usage(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                 Model model) {
        var period = period(from, to);
        model.addAttribute("period", period);
        model.addAttribute("report", report(Tenant.current(), period));
        return "usage";
    }

    @GetMapping("/usage.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        var period = period(from, to);
        var report = report(Tenant.current(), period);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"usage-" + period.from() + "-to-"
                        + period.to() + ".csv\"")
                .body(report.csv());
    }
}
