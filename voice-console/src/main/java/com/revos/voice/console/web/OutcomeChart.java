package com.revos.voice.console.web;

import com.revos.voice.console.api.Call;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Outcomes over time as stacked bars, one per minute (the last {@value #MAX_BARS} minutes with calls), drawn as SVG on
 * the server: no chart library, and the same numbers are in the table beside it for screen readers.
 */
public record OutcomeChart(List<Bar> bars, long highest) {

    static final int MAX_BARS = 30;
    static final int WIDTH = 600;
    static final int HEIGHT = 160;

    public record Bar(Instant minute, Map<String, Long> outcomes, long total) {
    }

    /** One coloured piece of a bar, in SVG coordinates. */
    public record Segment(String outcome, long count, int x, int y, int width, int height) {
    }

    static OutcomeChart of(List<Call> calls) {
        var byMinute = new TreeMap<Instant, Map<String, Long>>();
        for (var call : calls) {
            var at = call.finishedAt() != null ? call.finishedAt() : call.requestedAt();
            if (call.outcome() == null || at == null) {
                continue;
            }
            byMinute.computeIfAbsent(at.truncatedTo(ChronoUnit.MINUTES), minute -> new LinkedHashMap<>())
                    .merge(call.outcome(), 1L, Long::sum);
        }
        var bars = new ArrayList<Bar>();
        byMinute.forEach((minute, outcomes) -> bars.add(new Bar(minute, outcomes,
                outcomes.values().stream().mapToLong(Long::longValue).sum())));
        var shown = bars.size() > MAX_BARS ? bars.subList(bars.size() - MAX_BARS, bars.size()) : bars;
        var highest = shown.stream().mapToLong(Bar::total).max().orElse(0);
        return new OutcomeChart(List.copyOf(shown), highest);
    }

    public boolean empty() {
        return bars.isEmpty();
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    /** The stacked segments of every bar, outcomes in the design's order, scaled to the highest bar. */
    public List<Segment> segments() {
        var segments = new ArrayList<Segment>();
        if (bars.isEmpty()) {
            return segments;
        }
        // a fixed slot per minute: the chart fills from the left as the minutes pass, one bar never spans it all
        var slot = WIDTH / MAX_BARS;
        var barWidth = slot - 4;
        for (int i = 0; i < bars.size(); i++) {
            var bar = bars.get(i);
            var y = HEIGHT;
            for (var outcome : order(bar.outcomes())) {
                var count = bar.outcomes().getOrDefault(outcome, 0L);
                var height = (int) Math.max(1, Math.round(count * (double) HEIGHT / highest));
                y -= height;
                segments.add(new Segment(outcome, count, i * slot + 2, y, barWidth, height));
            }
        }
        return segments;
    }

    private static List<String> order(Map<String, Long> outcomes) {
        var ordered = new ArrayList<String>();
        LiveView.OUTCOMES.stream().filter(outcomes::containsKey).forEach(ordered::add);
        outcomes.keySet().stream().filter(o -> !LiveView.OUTCOMES.contains(o)).forEach(ordered::add);
        return ordered;
    }

    /** What the chart shows, in a sentence (its accessible name). */
    public String summary() {
        if (bars.isEmpty()) {
            return "No outcomes yet";
        }
        var total = bars.stream().mapToLong(Bar::total).sum();
        return total + " outcomes over " + bars.size() + " minute(s), at most " + highest + " in one minute";
    }
}
