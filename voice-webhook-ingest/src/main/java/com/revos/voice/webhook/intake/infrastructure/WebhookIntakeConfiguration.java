package com.revos.voice.webhook.intake.infrastructure;

import com.revos.voice.webhook.intake.application.AudioStore;
import com.revos.voice.webhook.intake.application.EventBus;
import com.revos.voice.webhook.intake.application.WebhookIntake;
import com.revos.voice.webhook.intake.model.PostCallSignature;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the intake: the use case with {@code new}, its Kafka bus, the Twilio check and the meters. */
@Configuration(proxyBeanMethods = false)
class WebhookIntakeConfiguration {

    /** A bean of its own, so that the context closes the producer on shutdown. */
    @Bean
    DefaultKafkaProducerFactory<String, byte[]> webhookProducerFactory(WebhookProperties properties) {
        return KafkaEventBus.producerFactory(properties.kafka());
    }

    @Bean
    KafkaTemplate<String, byte[]> webhookKafkaTemplate(
            DefaultKafkaProducerFactory<String, byte[]> webhookProducerFactory) {
        var template = new KafkaTemplate<>(webhookProducerFactory);
        // the intake times each send to its acknowledgement itself (revos.webhook.publish.latency, with the outcome
        // operators alert on); the template's own timer would measure the same send again, on every webhook
        template.setMicrometerEnabled(false);
        return template;
    }

    @Bean
    EventBus webhookEventBus(KafkaTemplate<String, byte[]> webhookKafkaTemplate, WebhookProperties properties,
                             MeterRegistry registry) {
        return new KafkaEventBus(webhookKafkaTemplate, properties.kafka().publishTimeout(), registry);
    }

    /** Recordings as files; without the setting (or another {@link AudioStore} bean) they are dropped. */
    @Bean
    @ConditionalOnProperty("revos.webhooks.recordings-directory")
    AudioStore directoryAudioStore(WebhookProperties properties) {
        return new DirectoryAudioStore(properties.recordingsDirectory());
    }

    @Bean
    WebhookIntake webhookIntake(WebhookProperties properties, EventBus webhookEventBus,
                                ObjectProvider<AudioStore> audioStore) {
        var elevenlabs = properties.elevenlabs();
        return new WebhookIntake(
                new PostCallSignature(elevenlabs.secrets(), elevenlabs.maxAge(), elevenlabs.maxFutureSkew()),
                new JacksonPostCallReader(), webhookEventBus, audioStore.getIfAvailable(() -> AudioStore.NONE), Clock.systemUTC(),
                new WebhookIntake.Settings(properties.source(), elevenlabs.maxBodySize().toBytes(),
                        (int) properties.maxQuarantinedBody().toBytes()));
    }

    @Bean
    TwilioSignatureCheck twilioSignatureCheck(WebhookProperties properties) {
        return new TwilioSignatureCheck(properties.twilio().authToken(), properties.twilio().publicBaseUrl());
    }

    @Bean
    IntakeMetrics intakeMetrics(MeterRegistry registry) {
        return new IntakeMetrics(registry);
    }
}
