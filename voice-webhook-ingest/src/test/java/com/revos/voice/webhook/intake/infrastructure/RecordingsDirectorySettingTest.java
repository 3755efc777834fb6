package com.revos.voice.webhook.intake.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.webhook.intake.application.AudioStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The wiring of recordings: dropped unless a directory is set (no broker is needed: nothing is sent). */
class RecordingsDirectorySettingTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(WebhookIntakeConfiguration.class, Settings.class)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @EnableConfigurationProperties(WebhookProperties.class)
    static class Settings {
    }

    @Test
    void without_a_directory_recordings_are_dropped() {
        context.run(started -> assertThat(started).doesNotHaveBean(AudioStore.class));
    }

    @Test
    void with_a_directory_recordings_are_kept_there(@TempDir Path directory) {
        context.withPropertyValues("revos.webhooks.recordings-directory=" + directory).run(started -> {
            assertThat(started).hasSingleBean(AudioStore.class);
            started.getBean(AudioStore.class).store("conv_1", "agent_1", new byte[] {1});
            assertThat(directory.resolve("agent_1/conv_1.mp3")).exists();
        });
    }
}
