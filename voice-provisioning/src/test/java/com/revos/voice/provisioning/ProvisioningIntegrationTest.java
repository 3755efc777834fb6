package com.revos.voice.provisioning;

import com.revos.voice.testsupport.RevosIntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.TestPropertySource;

/**
 * Every IT of the module: one cached Spring context on the JVM's real Kafka and PostgreSQL, with ElevenLabs and
 * Twilio stubbed by one shared WireMock server ({@link ProviderStubs}). Short timeouts and backoffs keep the fault
 * tests fast; the breaker needs ten calls before it judges.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@RevosIntegrationTest
@TestPropertySource(properties = {
        "spring.config.name=" + ProvisioningApplication.CONFIG_NAME,
        "revos.providers.elevenlabs.read-timeout=3s",
        "revos.providers.twilio.read-timeout=3s",
        "revos.providers.resilience.initial-backoff=50ms",
        "revos.providers.resilience.max-backoff=1500ms",
        "revos.providers.resilience.minimum-calls=10",
        "revos.providers.resilience.open-for=30s",
        "logging.level.io.debezium=WARN",
        "logging.level.org.apache.kafka=WARN"})
@ContextCustomizerFactories(ProviderStubs.PropertiesFactory.class)
public @interface ProvisioningIntegrationTest {
}
