package com.revos.voice.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.console.api.Call;
import com.revos.voice.console.api.Campaign;
import com.revos.voice.console.api.Usage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

class ViewModelsTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    static Call call(String outcome, String state, Double cost, Double score, Instant requested, Instant finished) {
        return new Call("id", "c", "k", 1, state, outcome, "+1", 10, cost, score, null, null, null, requested, null,
                finished, null);
    }

    static Campaign campaign(String status, Long inFlight) {
        return new Campaign("c", "n", "a", "p", status, "marketing", null, null, null,
                new Campaign.Progress(10L, 0L, inFlight, 0L, 0L, 0L, 0L), null, null, null);
    }

    @Test
    void the_live_view_counts_outcomes_rates_cost_and_recent_calls_per_second() {
        var calls = List.of(
                call("connected", "completed", 0.10, 0.9, NOW.minusSeconds(5), NOW.minusSeconds(2)),
                call("connected", "completed", 0.20, 0.1, NOW.minusSeconds(30), NOW.minusSeconds(20)),
                call("no_answer", "completed", null, null, NOW.minusSeconds(3), NOW.minusSeconds(1)),
                call("failed", "completed", 0.0, null, NOW.minusSeconds(60), NOW.minusSeconds(59)),
                call(null, "initiated", null, null, NOW.minusSeconds(1), null),
                call("transferred", "completed", null, null, NOW.minusSeconds(70), NOW.minusSeconds(65)));
        var live = LiveView.of(campaign("running", null), calls, false, NOW);
        assertThat(live.outcomes()).containsEntry("connected", 2L).containsEntry("no_answer", 1L)
                .containsEntry("busy", 0L).containsEntry("transferred", 1L);
        assertThat(new ArrayList<>(live.outcomes().keySet())).startsWith("connected", "no_answer", "busy",
                "voicemail", "failed", "cancelled");
        assertThat(live.attempted()).isEqualTo(5);
        assertThat(live.connectRate()).isEqualTo(40.0);
        assertThat(live.qualificationRate()).isEqualTo(50.0);
        assertThat(live.cost()).isEqualTo(0.30, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(live.callsPerSecond()).isEqualTo(0.3);
        assertThat(live.inFlight()).as("counted from the calls when progress does not say").isEqualTo(1);
        assertThat(live.live()).isTrue();
    }

    @Test
    void the_dialers_in_flight_count_wins_and_an_over_campaign_stops_polling() {
        var live = LiveView.of(campaign("completed", 4L), List.of(), false, NOW);
        assertThat(live.inFlight()).isEqualTo(4);
        assertThat(live.live()).isFalse();
        assertThat(LiveView.of(campaign("draft", 0L), List.of(), false, NOW).live()).isFalse();
        assertThat(LiveView.of(campaign("paused", 0L), List.of(), false, NOW).live()).isTrue();
        assertThat(live.connectRate()).isZero();
        assertThat(live.qualificationRate()).isZero();
    }

    @Test
    void the_chart_has_one_bar_a_minute_stacked_in_outcome_order_and_scaled_to_the_highest() {
        var calls = List.of(
                call("failed", "completed", null, null, null, Instant.parse("2026-12-01T10:00:10Z")),
                call("connected", "completed", null, null, null, Instant.parse("2026-12-01T10:00:50Z")),
                call("connected", "completed", null, null, null, Instant.parse("2026-12-01T10:00:55Z")),
                call("busy", "completed", null, null, null, Instant.parse("2026-12-01T10:02:01Z")),
                call(null, "initiated", null, null, Instant.parse("2026-12-01T10:02:03Z"), null));
        var chart = OutcomeChart.of(calls);
        assertThat(chart.bars()).hasSize(2);
        assertThat(chart.highest()).isEqualTo(3);
        var segments = chart.segments();
        assertThat(segments).extracting(OutcomeChart.Segment::outcome).containsExactly("connected", "failed", "busy");
        assertThat(segments.get(0).height() + segments.get(1).height()).isEqualTo(OutcomeChart.HEIGHT);
        assertThat(segments.get(0).y()).as("connected at the bottom").isGreaterThan(segments.get(1).y());
        assertThat(segments.get(2).x()).as("one slot a minute").isEqualTo(OutcomeChart.WIDTH / OutcomeChart.MAX_BARS + 2);
        assertThat(segments.get(2).height()).isEqualTo(OutcomeChart.HEIGHT / 3);
        assertThat(chart.summary()).isEqualTo("4 outcomes over 2 minute(s), at most 3 in one minute");
    }

    @Test
    void the_chart_keeps_the_last_thirty_minutes_with_outcomes() {
        var calls = new ArrayList<Call>();
        for (int minute = 0; minute < 45; minute++) {
            calls.add(call("connected", "completed", null, null, null, NOW.plusSeconds(60L * minute)));
        }
        var chart = OutcomeChart.of(calls);
        assertThat(chart.bars()).hasSize(OutcomeChart.MAX_BARS);
        assertThat(chart.bars().getFirst().minute()).isEqualTo(NOW.plusSeconds(60L * 15));
        assertThat(OutcomeChart.of(List.of()).empty()).isTrue();
    }

    @Test
    void the_campaign_form_refuses_a_window_past_the_legal_ceiling_and_empty_choices() {
        var form = new CampaignForm(" ", "", null, "sales", 7, 22, List.of(), 0.0, 0, 21, null, null, "k");
        assertThat(form.errors()).containsOnlyKeys("name", "agent_id", "phone_number_id", "purpose",
                "calling_window.start_hour", "calling_window.end_hour", "calling_window.days",
                "pacing.calls_per_second", "pacing.max_concurrent", "retry_policy.max_attempts");
        assertThat(new CampaignForm("n", "a", "p", "informational", 12, 12, List.of("MON"), 1.0, 1, 1, 1, 1, "k")
                .errors())
                .containsOnlyKeys("calling_window.end_hour");
        assertThat(new CampaignForm("n", "a", "p", "marketing", 8, 21, List.of("MON"), 1.0, 1, 1, 1, 1, "k").errors()).isEmpty();
    }

    @Test
    void the_campaign_form_reads_its_parameters_and_writes_the_apis_body() {
        var params = new LinkedMultiValueMap<String, String>();
        params.add("name", " Spring ");
        params.add("agent_id", "a");
        params.add("phone_number_id", "p");
        params.add("purpose", "marketing");
        params.add("start_hour", "9");
        params.add("end_hour", "x");
        params.addAll("days", List.of("MON", "SAT"));
        params.add("calls_per_second", "1.5");
        params.add("max_concurrent", "3");
        params.add("max_attempts", "2");
        params.add("busy_retry_minutes", "5");
        var form = CampaignForm.from(params);
        assertThat(form.endHour()).as("not a number: left empty, reported").isNull();
        assertThat(form.errors()).containsOnlyKeys("calling_window.end_hour");
        var body = new CampaignForm("Spring", "a", "p", "informational", 9, 17, List.of("MON"), 1.5, 3, 2, 5, null, "k").body();
        assertThat(body).containsEntry("name", "Spring").containsEntry("agent_id", "a")
                .containsEntry("purpose", "informational");
        assertThat(body.get("calling_window")).isEqualTo(Map.of("start_hour", 9, "end_hour", 17, "days",
                List.of("MON")));
        assertThat(body.get("retry_policy")).isEqualTo(Map.of("max_attempts", 2, "delays", Map.of("busy", 300)));
    }

    @Test
    void the_policy_form_shows_every_setting_the_optimizer_answers_and_sends_back_what_it_does_not_show() {
        var policy = new LinkedHashMap<String, Object>();
        policy.put("window_size", 50);
        policy.put("hysteresis", 0.05);
        policy.put("stop_loss", new LinkedHashMap<>(Map.of("threshold", 0.3, "mode", "automatic")));
        policy.put("error_rate", 0.01);
        policy.put("tags", List.of("x"));
        var form = PolicyForm.of(policy);
        assertThat(form.groups()).extracting(PolicyForm.Group::name).containsExactly("general", "stop_loss");
        assertThat(form.groups().getFirst().fields()).extracting(PolicyForm.Field::path)
                .containsExactly("window_size", "hysteresis", "error_rate");
        var mode = form.groups().get(1).fields().stream().filter(PolicyForm.Field::choice).findFirst().orElseThrow();
        assertThat(mode.options()).containsExactly("automatic", "recommend");

        var updated = PolicyForm.apply(policy, Map.of("window_size", "80", "stop_loss.threshold", "0.25",
                "stop_loss.mode", "recommend", "hysteresis", "lots", "unknown", "1"));
        assertThat(updated).containsEntry("window_size", 80L).containsEntry("error_rate", 0.01)
                .containsEntry("tags", List.of("x")).containsEntry("hysteresis", "lots").doesNotContainKey("unknown");
        assertThat(updated.get("stop_loss")).isEqualTo(Map.of("threshold", 0.25, "mode", "recommend"));
    }

    @Test
    void the_usage_report_sums_the_days_and_writes_them_as_csv() {
        var report = UsageReport.of(LocalDate.parse("2026-11-29"), LocalDate.parse("2026-11-30"), List.of(
                new Usage(null, null, 3L, 150L, null, 0.5), new Usage(null, null, null, null, null, null)));
        assertThat(report.calls()).isEqualTo(3);
        assertThat(report.minutes()).isEqualTo(2.5);
        assertThat(report.csv()).isEqualTo("""
                day,calls,minutes,cost_usd
                2026-11-29,3,2.50,0.5000
                2026-11-30,0,0.00,0.0000
                total,3,2.50,0.5000
                """);
    }

    @Test
    void paging_says_where_it_is_and_where_it_can_go() {
        var middle = new Paging(20, 20, 45);
        assertThat(middle.first()).isEqualTo(21);
        assertThat(middle.last()).isEqualTo(40);
        assertThat(middle.hasPrevious()).isTrue();
        assertThat(middle.previous()).isZero();
        assertThat(middle.hasNext()).isTrue();
        assertThat(new Paging(40, 20, 45).hasNext()).isFalse();
        assertThat(new Paging(0, 20, 5).needed()).isFalse();
        assertThat(new Paging(0, 20, 0).first()).isZero();
    }
}
