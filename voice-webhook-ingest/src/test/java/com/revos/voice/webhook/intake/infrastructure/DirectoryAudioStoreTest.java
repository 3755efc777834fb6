package com.revos.voice.webhook.intake.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.revos.voice.webhook.intake.application.AudioStoreUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryAudioStoreTest {

    @TempDir
    Path root;

    @Test
    void a_recording_is_kept_whole_under_its_agent_and_conversation() throws Exception {
        var key = new DirectoryAudioStore(root).store("conv_7101k2def", "agent_8401k2abc", new byte[] {'I', 'D', '3'});

        assertThat(key).contains("agent_8401k2abc/conv_7101k2def.mp3");
        assertThat(root.resolve(key.orElseThrow())).hasBinaryContent(new byte[] {'I', 'D', '3'});
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).as("no partial file is left behind").hasSize(1);
        }
    }

    @Test
    void a_redelivered_recording_replaces_the_kept_one() {
        var store = new DirectoryAudioStore(root);
        store.store("conv_a", "agent_a", new byte[] {1, 2, 3});
        var key = store.store("conv_a", "agent_a", new byte[] {4, 5});

        assertThat(root.resolve(key.orElseThrow())).hasBinaryContent(new byte[] {4, 5});
    }

    @Test
    void an_id_that_is_not_a_plain_id_cannot_place_a_file_outside_the_directory() {
        var key = new DirectoryAudioStore(root).store("../../etc/passwd", null, new byte[] {1});

        var file = root.resolve(key.orElseThrow()).normalize();
        assertThat(file).startsWith(root).exists();
        assertThat(key.orElseThrow()).startsWith("unknown-agent/").doesNotContain("..");
    }

    @Test
    void a_directory_that_cannot_be_written_makes_the_store_unavailable_naming_the_recording() throws Exception {
        var notADirectory = Files.writeString(root.resolve("occupied"), "a file, not a directory");

        assertThatThrownBy(() -> new DirectoryAudioStore(notADirectory).store("conv_b", "agent_b", new byte[] {1}))
                .isInstanceOf(AudioStoreUnavailableException.class)
                .hasMessageContaining("agent_b/conv_b.mp3");
    }
}
