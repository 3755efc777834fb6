package com.revos.voice.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The services' answers as the console reads them: extra fields ignored, missing ones empty, coming names accepted. */
class TolerantReadingTest {

    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    @Test
    void a_call_of_todays_dialer_reads_with_cost_and_no_score() {
        var call = JSON.readValue("""
                {"id":"c","state":"completed","outcome":"connected","duration_secs":42,"cost":0.31,
                 "failure_reason":null,"requested_at":"2026-12-01T10:00:00Z"}""", Call.class);
        assertThat(call.cost()).isEqualTo(0.31);
        assertThat(call.durationSecs()).isEqualTo(42);
        assertThat(call.qualificationScore()).isNull();
        assertThat(call.evidence()).isEmpty();
        assertThat(call.connected()).isTrue();
    }

    @Test
    void a_call_of_the_reworked_dialer_reads_with_score_summary_cost_usd_and_unknown_fields() {
        var call = JSON.readValue("""
                {"id":"c","state":"completed","outcome":"connected","qualification_score":0.82,"qualified":true,
                 "summary":"Wants a demo next week","cost_usd":0.27,"credits":120,"analysis":{"x":[1,2]},
                 "termination_reason":"hangup","evidence":{"window":"09-17 America/New_York","suppressed":false},
                 "local_hour":14}""", Call.class);
        assertThat(call.cost()).isEqualTo(0.27);
        assertThat(call.qualificationScore()).isEqualTo(0.82);
        assertThat(call.summary()).isEqualTo("Wants a demo next week");
        assertThat(call.failureReason()).isEqualTo("hangup");
        assertThat(call.evidence()).containsEntry("window", "09-17 America/New_York");
        assertThat(call.isQualified()).isTrue();
    }

    @Test
    void without_a_qualified_flag_a_score_of_one_half_or_more_counts_as_qualified() {
        assertThat(JSON.readValue("{\"outcome\":\"connected\",\"qualification_score\":0.5}", Call.class)
                .isQualified()).isTrue();
        assertThat(JSON.readValue("{\"outcome\":\"connected\",\"qualification_score\":0.49}", Call.class)
                .isQualified()).isFalse();
        assertThat(JSON.readValue("{\"outcome\":\"connected\"}", Call.class).isQualified()).isFalse();
    }

    @Test
    void a_campaign_without_progress_reads_as_nothing_done() {
        var campaign = JSON.readValue("{\"id\":\"x\",\"name\":\"n\",\"status\":\"draft\",\"live\":{\"cps\":3}}",
                Campaign.class);
        assertThat(campaign.progress().percent()).isZero();
        assertThat(campaign.progress().finished()).isZero();
        assertThat(campaign.draft()).isTrue();
    }

    @Test
    void progress_counts_done_exhausted_suppressed_and_cancelled_as_finished() {
        var progress = new Campaign.Progress(10L, 2L, 1L, 4L, 1L, 1L, 1L);
        assertThat(progress.finished()).isEqualTo(7);
        assertThat(progress.percent()).isEqualTo(70);
    }

    @Test
    void a_page_without_items_is_empty_and_counts_its_items_when_total_is_missing() {
        var page = JSON.readValue("{\"items\":[{\"phone\":\"+1\"},{\"phone\":\"+2\"}]}",
                JSON.getTypeFactory().constructParametricType(Page.class, Suppression.class));
        assertThat(((Page<?>) page).totalOrCount()).isEqualTo(2);
        assertThat(JSON.readValue("{}", Page.class).items()).isEmpty();
    }

    @Test
    void the_upload_report_counts_rejections_by_reason() {
        var report = JSON.readValue("""
                {"accepted":7,"rejected":[{"row":1,"phone":"x","reason":"invalid_number"},
                 {"row":3,"phone":"+1","reason":"duplicate"},{"row":4,"phone":"+1","reason":"duplicate"},
                 {"row":9,"reason":"wrong_column_count"}]}""", UploadReport.class);
        assertThat(report.byReason()).containsExactly(java.util.Map.entry("duplicate", 2L),
                java.util.Map.entry("invalid_number", 1L), java.util.Map.entry("wrong_column_count", 1L));
        assertThat(JSON.readValue("{}", UploadReport.class).rejected()).isEqualTo(List.of());
    }

    @Test
    void a_decision_reads_its_evidence_and_sentence_whatever_else_the_trail_gains() {
        var decision = JSON.readValue("""
                {"decision_id":"d","rule":"stop_loss","decision":"pause","metric_value":0.62,"threshold":0.3,
                 "detail":{"explanation":"62 % of the last 40 calls failed; the bound is 30 %","error_rate":0.01},
                 "event":{"event_id":"e","metrics":{"attempted":40,"failed":25}},
                 "action":{"type":"campaign.pause","confirmed_at":"2026-12-01T10:00:00Z"},"new":"field"}""",
                Decision.class);
        assertThat(decision.sentence()).startsWith("62 %");
        assertThat(decision.event().metrics()).containsEntry("failed", 25);
        var trail = JSON.readValue("""
                {"decision_id":"d","rule":"stop_loss","decision":"pause","detail":{"reason":"older"},
                 "explanation":"paused: failure rate >= 41 % with 99 % confidence after 23 calls; threshold 30 %"}""",
                Decision.class);
        assertThat(trail.sentence()).as("the trail's own sentence first")
                .isEqualTo("paused: failure rate >= 41 % with 99 % confidence after 23 calls; threshold 30 %");
        assertThat(decision.action().confirmedAt()).isNotNull();
    }

    @Test
    void usage_minutes_come_from_billable_seconds_when_the_ledger_gives_no_minutes() {
        var usage = JSON.readValue("{\"calls\":3,\"billable_seconds\":90,\"cost_usd\":0.5}", Usage.class);
        assertThat(usage.minutesOrZero()).isEqualTo(1.5);
        assertThat(usage.costOrZero()).isEqualTo(0.5);
    }

    @Test
    void a_problem_names_its_fields_and_a_body_that_is_not_json_keeps_the_status_line() {
        var problem = Problems.read(JSON, 400, "Bad Request", """
                {"title":"Invalid request","detail":"2 field(s) are invalid","errors":[
                 {"field":"pacing.calls_per_second","reason":"must be more than 0"},
                 {"field":"pacing.calls_per_second","reason":"must be at most 20"},{"reason":"no field"}]}"""
                .getBytes());
        assertThat(problem.fieldErrors()).containsExactly(java.util.Map.entry("pacing.calls_per_second",
                "must be more than 0; must be at most 20"));
        assertThat(problem.sentence()).isEqualTo("2 field(s) are invalid");

        var html = Problems.read(JSON, 502, "Bad Gateway", "<html>proxy</html>".getBytes());
        assertThat(html.title()).isEqualTo("Bad Gateway");
        assertThat(html.sentence()).isEqualTo("Bad Gateway");
        assertThat(html.fieldErrors()).isEmpty();
    }
}
