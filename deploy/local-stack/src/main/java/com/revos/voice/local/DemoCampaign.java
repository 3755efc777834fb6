package com.revos.voice.local;

import com.revos.voice.dialer.compliance.model.DaytimeNumbers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code ./revos up --demo}: seeds the demo tenant, runs a campaign of a few thousand contacts in the time zones
 * where it is daytime now (the dialer refuses every call outside legal hours; the demo says which places it picked),
 * prints live progress, then makes the simulator fail most calls until the optimizer's stop-loss pauses the campaign.
 */
final class DemoCampaign {

    private static final int CONTACTS = 3_000;

    private final LocalPorts ports;
    private final LocalTokenIssuer tokens;
    private final Console console;

    DemoCampaign(LocalPorts ports, LocalTokenIssuer tokens, Console console) {
        this.ports = ports;
        this.tokens = tokens;
        this.console = console;
    }

    void run() {
        var tenant = LocalTokenIssuer.DEMO_TENANT;
        var client = new ProductClient(url(ports.provisioning()), url(ports.dialer()), url(ports.optimizer()),
                url(ports.simulator()), tokens.tenant(tenant), tokens.operator());
        client.simulatorConfig(Map.of("failure_rate", 0.05));
        var scenario = new CampaignScenario(client, tenant);
        var places = CampaignScenario.daytimePlaces();
        console.line("demo: it is daytime now (legal calling hours for the next {}) in: {}",
                CampaignScenario.DAYTIME_FOR, places.stream().map(DaytimeNumbers.Place::name).toList());
        console.line("demo: deploying an agent, assigning/importing/attaching a number, loading {} contacts", CONTACTS);
        var prepared = scenario.prepare("+1415" + (5_550_000 + (int) (System.currentTimeMillis() % 9_999)),
                CONTACTS, 20, 40);
        console.line("demo: contacts uploaded: {}", prepared.upload());
        scenario.start(prepared.campaignId());
        console.line("demo: campaign {} started", prepared.campaignId());

        var burstAt = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        var burst = false;
        while (true) {
            var campaign = client.campaign(tenant, prepared.campaignId());
            console.line("demo: status={} progress={} simulator={}", campaign.get("status"), campaign.get("progress"),
                    client.simulatorCalls());
            if (!burst && System.nanoTime() > burstAt) {
                client.simulatorConfig(Map.of("failure_rate", 0.6));
                console.line("demo: the simulator now fails 60% of calls: the optimizer's stop-loss should pause the campaign");
                burst = true;
            }
            if (!"running".equals(String.valueOf(campaign.get("status")).toLowerCase())) {
                console.line("demo: campaign is {}; optimizer trail: {}", campaign.get("status"),
                        client.decisions(tenant, prepared.campaignId()));
                client.simulatorConfig(Map.of("failure_rate", 0.05));
                return;
            }
            LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
        }
    }

    private static String url(int port) {
        return "http://localhost:" + port;
    }
}
