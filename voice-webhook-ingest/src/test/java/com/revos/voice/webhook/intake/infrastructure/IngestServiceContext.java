package com.revos.voice.webhook.intake.infrastructure;

import com.revos.voice.testsupport.RevosIntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The running intake on the test JVM's real broker, one Spring context shared (cached) by every IT: the same
 * properties everywhere. Two ElevenLabs secrets are valid, as during a rotation, and Twilio is reached through a
 * gateway whose public URL differs from the test server's.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RevosIntegrationTest
@TestPropertySource(properties = {
        "spring.config.name=voice-webhook-ingest",
        "revos.webhooks.elevenlabs.secrets=" + IngestServiceContext.SECRET + "," + IngestServiceContext.OLD_SECRET,
        "revos.webhooks.twilio.auth-token=" + IngestServiceContext.TWILIO_TOKEN,
        "revos.webhooks.twilio.public-base-url=" + IngestServiceContext.PUBLIC_BASE_URL,
        "revos.webhooks.elevenlabs.max-audio-body-size=2MB"})
@interface IngestServiceContext {

    String SECRET = "it-webhook-secret-new";
    String OLD_SECRET = "it-webhook-secret-old";
    String TWILIO_TOKEN = "it-twilio-token";
    String PUBLIC_BASE_URL = "https://hooks.revos.test";
}
