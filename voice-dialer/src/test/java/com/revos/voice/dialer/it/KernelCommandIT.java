package com.revos.voice.dialer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.revos.voice.events.CallingWindow;
import com.revos.voice.events.CampaignEvent;
import com.revos.voice.events.EventSchemas;
import com.revos.voice.events.KernelCommand;
import com.revos.voice.events.Pacing;
import com.revos.voice.events.Topics;
import com.revos.voice.testsupport.KafkaProbe;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KernelCommandIT extends DialerIntegrationTest {

    @Test
    void a_kernel_pause_stops_dialing_and_is_confirmed_with_the_command_id_and_scale_and_retime_apply() {
        var p = provision();
        var campaign = createCampaign(p, 10, 3, 60);
        var campaignId = UUID.fromString(campaign);
        var numbers = new ArrayList<String>();
        for (int i = 0; i < 60; i++) {
            numbers.add(nextNumber());
        }
        post(p, "/campaigns/" + campaign + "/contacts", numbers.stream().map(n -> Map.of("phone", n)).toList());
        try (var probe = KafkaProbe.on(Topics.CAMPAIGNS)) {
            post(p, "/campaigns/" + campaign + "/start", Map.of());
            await().atMost(PATIENCE).until(() -> dialed(numbers) >= 3);

            var pause = new KernelCommand.CampaignPause(UUID.randomUUID(), campaignId, p.tenantId(), UUID.randomUUID(),
                    "stop-loss: failed 40% > 30%", Instant.now());
            publish(pause);
            await().atMost(PATIENCE).until(() -> "paused".equals(
                    get(p, "/campaigns/" + campaign).body().get("status").asText()));
            var atPause = dialed(numbers);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> dialed(numbers) <= atPause + 1);
            var paused = await().atMost(PATIENCE).until(() -> probe.envelopes(
                    e -> e.type().equals("revos.voice.campaign.paused.v1") && campaign.equals(e.subject())),
                    list -> !list.isEmpty()).getFirst();
            assertThat(((CampaignEvent.CampaignPaused) paused.event()).commandId()).isEqualTo(pause.commandId());
            assertThat(EventSchemas.violations(paused)).isEmpty();

            var scale = new KernelCommand.CampaignScale(UUID.randomUUID(), campaignId, p.tenantId(), UUID.randomUUID(),
                    new Pacing(500, 30), "efficiency 35%", Instant.now());
            var window = new CallingWindow(9, 17, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
            var retime = new KernelCommand.CampaignRetime(UUID.randomUUID(), campaignId, p.tenantId(),
                    UUID.randomUUID(), window, "connects best 9-17", Instant.now());
            publish(scale);
            publish(retime);
            var scaled = await().atMost(PATIENCE).until(() -> probe.envelopes(
                    e -> e.type().equals("revos.voice.campaign.scaled.v1") && campaign.equals(e.subject())),
                    list -> !list.isEmpty()).getFirst();
            var scaledEvent = (CampaignEvent.CampaignScaled) scaled.event();
            assertThat(scaledEvent.commandId()).isEqualTo(scale.commandId());
            assertThat(scaledEvent.pacing()).as("clamped to the tenant's limits").isEqualTo(new Pacing(50, 30));
            var retimed = await().atMost(PATIENCE).until(() -> probe.envelopes(
                    e -> e.type().equals("revos.voice.campaign.retimed.v1") && campaign.equals(e.subject())),
                    list -> !list.isEmpty()).getFirst();
            assertThat(((CampaignEvent.CampaignRetimed) retimed.event()).commandId()).isEqualTo(retime.commandId());
            var status = get(p, "/campaigns/" + campaign).body();
            assertThat(status.at("/calling_window/start_hour").asInt()).isEqualTo(9);
            assertThat(status.at("/pacing/calls_per_second").asDouble()).isEqualTo(50.0);
        }
        post(p, "/campaigns/" + campaign + "/cancel", Map.of());
    }
}
