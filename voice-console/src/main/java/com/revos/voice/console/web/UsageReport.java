package com.revos.voice.console.web;

import com.revos.voice.console.api.Usage;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Minutes, calls and cost by day (UTC days) over a chosen period, with totals and a CSV rendering. */
public record UsageReport(LocalDate from, LocalDate to, List<Day> days) {

    /** A period is at most this many days: one ledger query per day. */
    static final int MAX_DAYS = 92;

    public record Day(LocalDate day, long calls, double minutes, double cost) {
    }

    static UsageReport of(LocalDate from, LocalDate to, List<Usage> perDay) {
        var days = new java.util.ArrayList<Day>();
        for (int i = 0; i < perDay.size(); i++) {
            var usage = perDay.get(i);
            days.add(new Day(from.plusDays(i), usage.callsOrZero(), usage.minutesOrZero(), usage.costOrZero()));
        }
        return new UsageReport(from, to, List.copyOf(days));
    }

    public long calls() {
        return days.stream().mapToLong(Day::calls).sum();
    }

    public double minutes() {
        return days.stream().mapToDouble(Day::minutes).sum();
    }

    public double cost() {
        return days.stream().mapToDouble(Day::cost).sum();
    }

    public boolean empty() {
        return calls() == 0;
    }

    String csv() {
        var out = new StringBuilder("day,calls,minutes,cost_usd\n");
        for (var day : days) {
            out.append(day.day()).append(',').append(day.calls()).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", day.minutes())).append(',')
                    .append(String.format(Locale.ROOT, "%.4f", day.cost())).append('\n');
        }
        out.append("total,").append(calls()).append(',').append(String.format(Locale.ROOT, "%.2f", minutes()))
                .append(',').append(String.format(Locale.ROOT, "%.4f", cost())).append('\n');
        return out.toString();
    }
}
