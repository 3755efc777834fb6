package com.revos.voice.dialer.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.revos.voice.dialer.compliance.model.CallingHoursPolicy;
import com.revos.voice.dialer.compliance.model.DaytimeNumbers;
import com.revos.voice.dialer.dispatch.infrastructure.Dispatcher;
import com.revos.voice.events.CallOutcome;
import com.revos.voice.testsupport.RealInfrastructure;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A dialer process, its own JVM started from the exec jar, killed with SIGKILL in the middle of a campaign, while
 * the provider answers slowly enough that some requests are on the wire at that moment. The dialer of this test's
 * Spring context is the survivor. The provider's witness counts what really reached it.
 */
@TestPropertySource(properties = "revos.dialer.dispatch.stale-request-after=5s")
class DialerKilledMidCampaignProcessIT extends DialerIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(DialerKilledMidCampaignProcessIT.class);
    private static final int CONTACTS = 240;

    @Autowired
    Dispatcher survivor;

    @Test
    void a_dialer_killed_mid_campaign_leaves_no_contact_dialed_twice_none_undialed_and_the_campaign_completes()
            throws Exception {
        var p = provision();
        var slow = ELEVENLABS.stubFor(WireMock.post(urlEqualTo(OUTBOUND)).atPriority(5)
                .willReturn(aResponse().withStatus(200).withFixedDelay(400)
                        .withHeader("Content-Type", "application/json").withBody("{\"success\":true,"
                                + "\"conversation_id\":\"conv_{{jsonPath request.body "
                                + "'$.conversation_initiation_client_data.dynamic_variables.call_id'}}\"}")
                        .withTransformers("response-template")));
        // the victim runs on the real clock, so the survivor does too, and the contacts are where it is daytime now
        CLOCK.useRealTime();
        var places = DaytimeNumbers.openNow(CallingHoursPolicy.standard(), Instant.now(), Duration.ofMinutes(20));
        assumeTrue(!places.isEmpty(), "no place in DaytimeNumbers is inside its legal calling hours now");
        var campaign = createCampaign(p, 20, 1, 0);
        var numbers = DaytimeNumbers.distinctNumbers(CONTACTS, new java.util.Random(), List.of(places.getFirst()));
        post(p, "/campaigns/" + campaign + "/contacts", numbers.stream().map(n -> Map.of("phone", n)).toList());
        survivor.stop();
        var victim = startDialerProcess();
        var provider = new ReportingProvider(campaign);
        var feeder = Thread.ofPlatform().daemon().start(provider);
        try {
            post(p, "/campaigns/" + campaign + "/start", Map.of());
            await().atMost(Duration.ofMinutes(3)).until(() -> dialed(numbers) >= CONTACTS / 4);
            assertThat(jdbc.queryForObject("SELECT dispatcher FROM campaigns WHERE id = ?::uuid", String.class,
                    campaign)).isNotEqualTo(survivor.instanceId());

            victim.destroyForcibly(); // SIGKILL
            victim.waitFor();
            var killedAt = Instant.now();
            var dialedAtKill = dialed(numbers);
            var inFlightAtKill = jdbc.queryForList("SELECT state || '=' || count(*) FROM calls WHERE campaign_id = "
                    + "?::uuid AND state IN ('requested', 'sending', 'ambiguous') GROUP BY state", String.class,
                    campaign);
            survivor.start();

            await().atMost(Duration.ofMinutes(3)).until(() -> "completed".equals(
                    get(p, "/campaigns/" + campaign).body().get("status").asText()));
            var completedAt = Instant.now();
            var firstAfterKill = WITNESS.placedSince(killedAt).stream()
                    .filter(placed -> numbers.contains(placed.toNumber())).findFirst().orElseThrow();

            var twice = numbers.stream().filter(n -> WITNESS.placedTo(n).size() > 1).toList();
            var never = numbers.stream().filter(n -> WITNESS.placedTo(n).isEmpty()).toList();
            assertThat(twice).as("contacts dialed twice").isEmpty();
            assertThat(never).as("contacts never dialed").isEmpty();
            assertThat(jdbc.queryForList("SELECT DISTINCT state FROM contacts WHERE campaign_id = ?::uuid",
                    String.class, campaign)).containsExactly("done");
            // every attempt that counted placed a call: no attempt was burned without one
            assertThat(jdbc.queryForObject("SELECT count(*) FROM calls WHERE campaign_id = ?::uuid "
                    + "AND state IN ('completed', 'failed')", Integer.class, campaign)).isEqualTo(CONTACTS);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM calls WHERE campaign_id = ?::uuid "
                    + "AND state = 'failed'", Integer.class, campaign)).isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM calls WHERE campaign_id = ?::uuid AND state IN "
                    + "('requested', 'sending', 'ambiguous', 'initiated')", Integer.class, campaign)).isZero();
            var report = "dialer process killed after %d of %d contacts were dialed (in flight then: %s); the "
                    + "survivor placed its first call %d ms after the kill; the campaign completed %d ms after it; "
                    + "0 dialed twice, 0 undialed, 0 attempts burned without a call";
            log.info(report.formatted(dialedAtKill, CONTACTS, inFlightAtKill,
                    Duration.between(killedAt, firstAfterKill.arrivedAt()).toMillis(),
                    Duration.between(killedAt, completedAt).toMillis()));
            Files.writeString(Path.of("target", "dialer-kill-recovery.txt"), report.formatted(dialedAtKill, CONTACTS,
                    inFlightAtKill, Duration.between(killedAt, firstAfterKill.arrivedAt()).toMillis(),
                    Duration.between(killedAt, completedAt).toMillis()) + System.lineSeparator());
        } finally {
            CLOCK.reset();
            provider.stop();
            feeder.join(Duration.ofSeconds(2));
            victim.destroyForcibly();
            if (!survivor.isRunning()) {
                survivor.start();
            }
            ELEVENLABS.removeStub(slow);
        }
    }

    private int dialed(List<String> numbers) {
        var placed = new HashSet<String>();
        numbers.forEach(n -> {
            if (!WITNESS.placedTo(n).isEmpty()) {
                placed.add(n);
            }
        });
        return placed.size();
    }

    /** The dialer, from its exec jar, against this test's broker, database and provider; it relays no outbox. */
    private Process startDialerProcess() throws Exception {
        var jar = System.getProperty("dialer.exec.jar");
        assertThat(jar).as("the exec jar (failsafe sets dialer.exec.jar)").isNotNull();
        assertThat(new File(jar)).exists();
        var brokers = RealInfrastructure.kafkaBootstrapServers();
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-jar", jar,
                "--spring.profiles.active=local",
                "--server.port=0",
                "--spring.datasource.url=" + RealInfrastructure.jdbcUrl(),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--spring.kafka.bootstrap-servers=" + brokers,
                "--spring.cloud.stream.kafka.binder.brokers=" + brokers,
                // a dead member's partitions move on within seconds, not Kafka's default 45 s
                "--spring.cloud.stream.kafka.binder.consumer-properties.session.timeout.ms=6000",
                "--spring.cloud.stream.kafka.binder.consumer-properties.heartbeat.interval.ms=1000",
                "--revos.outbox.relay-enabled=false",
                "--revos.dialer.elevenlabs.base-url=" + ELEVENLABS.baseUrl(),
                "--revos.dialer.elevenlabs.read-timeout=1500ms",
                "--revos.dialer.dispatch.tick=50ms",
                "--revos.dialer.dispatch.recover-every=300ms",
                "--revos.dialer.dispatch.settle-after=1s",
                "--revos.dialer.dispatch.stale-request-after=5s",
                "--revos.dialer.dispatch.shared-pacing-guard=300ms",
                "--revos.dialer.provider-account.max-concurrent=1000000");
        var output = Path.of("target", "dialer-process.log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
    }

    /** The provider's side of the campaign: every placed call ends connected, and its report is published. */
    private final class ReportingProvider implements Runnable {

        private final String campaign;
        private final Set<String> reported = ConcurrentHashMap.newKeySet();
        private volatile boolean running = true;

        ReportingProvider(String campaign) {
            this.campaign = campaign;
        }

        void stop() {
            running = false;
        }

        @Override
        public void run() {
            while (running) {
                try {
                    var initiated = jdbc.query("SELECT id, provider_call_id, to_number FROM calls "
                            + "WHERE campaign_id = ?::uuid AND state = 'initiated'",
                            (rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, campaign);
                    for (var call : initiated) {
                        if (reported.add(call[0])) {
                            publish(report(call[1], call[2], call[0], CallOutcome.CONNECTED, 20, "0.02"));
                        }
                    }
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.debug("Reporting round failed; next round", e);
                }
            }
        }
    }
}
