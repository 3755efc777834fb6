package com.revos.voice.optimizer.campaign.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.revos.voice.events.CallingWindow;
import com.revos.voice.events.CampaignEvent.CampaignPaused;
import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.EventSchemas;
import com.revos.voice.events.KernelCommand.CampaignPause;
import com.revos.voice.events.KernelCommand.CampaignRetime;
import com.revos.voice.events.Pacing;
import com.revos.voice.events.Topics;
import com.revos.voice.optimizer.Calls;
import com.revos.voice.optimizer.it.Api;
import com.revos.voice.optimizer.it.Bus;
import com.revos.voice.optimizer.it.OptimizerIntegrationTest;
import com.revos.voice.service.LocalTokens;
import com.revos.voice.testsupport.KafkaProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.JwtEncoder;

/** The rules on the real broker and database: commands through the outbox relay, confirmations, restarts. */
@OptimizerIntegrationTest
class CampaignRulesIT {

    private static KafkaProbe commands;
    private static Bus bus;

    @Autowired
    OptimizerStreams streams;
    @Autowired
    JwtEncoder jwt;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    private final UUID tenant = UUID.randomUUID();
    private final UUID campaign = UUID.randomUUID();

    @BeforeAll
    static void connect() {
        commands = KafkaProbe.on(Topics.KERNEL_COMMANDS);
        bus = new Bus();
    }

    @AfterAll
    static void disconnect() {
        commands.close();
        bus.close();
    }

    private List<EventEnvelope> commandsFor(UUID campaignId) {
        return commands.envelopes(envelope -> campaignId.equals(envelope.campaignId()));
    }

    private void awaitProcessed(long attempts) {
        await().atMost(Duration.ofSeconds(60)).until(() -> streams.campaign(campaign)
                .map(state -> state.attemptsTotal() == attempts).orElse(false));
    }

    @Test
    void a_failure_burst_yields_exactly_one_valid_pause_with_its_evidence_and_the_confirmation_is_an_action() {
        bus.publish(Calls.started(tenant, campaign, new Pacing(1, 5), new Pacing(5, 20)));
        for (int i = 0; i < 50; i++) {
            bus.publish(Calls.burstAfter(tenant, campaign, 20, i));
        }
        bus.flush();

        await().atMost(Duration.ofSeconds(60)).until(() -> !commandsFor(campaign).isEmpty());
        awaitProcessed(50);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10))
                .until(() -> commandsFor(campaign).size() == 1);
        var envelope = commandsFor(campaign).getFirst();
        assertThat(EventSchemas.violations(envelope)).isEmpty();
        var pause = (CampaignPause) envelope.event();
        assertThat(pause.tenantId()).isEqualTo(tenant);
        assertThat(envelope.source()).isEqualTo("/revos/kernel-optimizer");

        var confirmation = bus.publish(new CampaignPaused(campaign, tenant, "stop-loss", pause.commandId(),
                Instant.now()));
        bus.flush();

        var api = new Api(port);
        var token = LocalTokens.tenantMember(jwt, "ops@tenant", tenant);
        var path = "/v1/tenants/" + tenant + "/campaigns/" + campaign + "/decisions";
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var trail = api.get(path, token).body();
            return trail.get("total").asInt() == 1
                    && trail.get("items").get(0).get("action").hasNonNull("confirmed_at");
        });
        var item = api.get(path, token).body().get("items").get(0);
        assertThat(item.get("decision_id").asText()).isEqualTo(pause.decisionId().toString());
        assertThat(item.get("rule").asText()).isEqualTo("stop_loss");
        assertThat(item.get("metric_value").asDouble()).isEqualTo(1.0);
        assertThat(item.get("threshold").asDouble()).isEqualTo(0.3);
        assertThat(item.get("event").get("metrics").get("attempted").asInt()).isEqualTo(33);
        var evidence = item.get("evidence");
        assertThat(evidence.get("sample").asInt()).isEqualTo(13);
        assertThat(evidence.get("error_rate").asDouble()).isEqualTo(0.01);
        assertThat(evidence.get("statistic").asDouble()).isGreaterThanOrEqualTo(evidence.get("bound").asDouble());
        assertThat(item.get("explanation").asText()).startsWith("paused: failure rate >= ")
                .contains("after 13 calls; threshold 30 %");
        assertThat(pause.reason()).isEqualTo(item.get("explanation").asText());
        assertThat(item.get("action").get("action_id").asText()).isEqualTo(pause.commandId().toString());
        assertThat(item.get("action").hasNonNull("issued_at")).isTrue();
        assertThat(item.get("action").get("confirmation_event_id").asText())
                .isEqualTo(confirmation.id().toString());
        assertThat(api.get(path, LocalTokens.tenantMember(jwt, "stranger", UUID.randomUUID())).status())
                .isEqualTo(404);
    }

    @Test
    void a_campaign_that_connects_only_in_the_evening_is_retimed_to_the_evening_inside_legal_hours() {
        bus.publish(Calls.started(tenant, campaign, new Pacing(1, 5), new Pacing(5, 20)));
        for (int i = 0; i < 2_000; i++) {
            bus.publish(Calls.eveningOnly(tenant, campaign, i));
        }
        bus.flush();

        await().atMost(Duration.ofSeconds(60)).until(() -> !commandsFor(campaign).isEmpty());
        var envelope = commandsFor(campaign).getFirst();
        assertThat(EventSchemas.violations(envelope)).isEmpty();
        // the campaign's 09-21 narrowed to the policy's six hours, the best ones before the 21:00 ceiling
        assertThat(((CampaignRetime) envelope.event()).callingWindow()).isEqualTo(new CallingWindow(15, 21, null));
    }

    @Test
    void restarting_mid_stream_and_redelivering_events_sends_no_second_command() {
        var sent = new ArrayList<EventEnvelope>();
        for (int i = 0; i < 30; i++) {
            sent.add(bus.publish(Calls.burstAfter(tenant, campaign, 30, i)));
        }
        bus.flush();
        awaitProcessed(30);

        streams.stop();
        streams.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);

        sent.forEach(bus::publish);
        for (int i = 30; i < 100; i++) {
            sent.add(bus.publish(Calls.burstAfter(tenant, campaign, 30, i)));
        }
        sent.forEach(bus::publish);
        bus.flush();

        await().atMost(Duration.ofSeconds(60)).until(() -> !commandsFor(campaign).isEmpty());
        awaitProcessed(100);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10))
                .until(() -> commandsFor(campaign).size() == 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM kernel_decisions WHERE campaign_id = ?", Long.class,
                campaign)).isEqualTo(1);
    }
}
